pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// A heading and a row of buttons after a page's text, for what the rich text
// holds but Tab and a screen reader cannot reach inside it (its links, its
// glossary words). Each entry: {key, text, description}; `chosen(key)` on a press.
// After the text: the buttons are made once `made` is true (PageView: right after the
// page's first frame).
ColumnLayout {
    id: section

    property string title
    property var entries: []
    property string namePrefix  // each button is `namePrefix + key`
    property string iconName: ""
    property bool made: true

    signal chosen(string key)

    visible: entries.length > 0
    spacing: Theme.gapMedium

    HeadingText {
        Layout.fillWidth: true
        text: section.title
        font.pixelSize: Theme.boxTitleFont
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.gapMedium
        Repeater {
            model: section.entries
            Loader {
                id: entry

                required property var modelData
                active: section.made
                sourceComponent: KioskButton {
                    objectName: section.namePrefix + entry.modelData.key
                    text: entry.modelData.text
                    iconName: section.iconName
                    Accessible.description: entry.modelData.description || ""
                    onClicked: section.chosen(entry.modelData.key)
                }
            }
        }
    }
}
