pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The pages a page links to, as buttons after its text: Tab and a screen reader
// reach them, which the links inside rich text they cannot.
ColumnLayout {
    id: section

    required property var links  // [{id, title}]
    required property NavigationBridge navigation

    objectName: "pageLinks"
    visible: links.length > 0
    spacing: Theme.gapMedium

    HeadingText {
        Layout.fillWidth: true
        text: "Read next"
        font.pixelSize: Theme.boxTitleFont
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.gapMedium
        Repeater {
            model: section.links
            KioskButton {
                required property var modelData
                objectName: "pageLink_" + modelData.id
                text: modelData.title
                iconName: "next"
                onClicked: section.navigation.openPage(modelData.id)
            }
        }
    }
}
