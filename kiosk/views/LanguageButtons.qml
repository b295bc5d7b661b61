pragma ComponentBehavior: Bound
import QtQuick
import Kiosk

// A button for each other language the content is in, named in that language
// ("Español", "English"), never a flag. Choosing keeps the patient's place and
// what they typed; the next patient starts in the default language again.
Row {
    id: buttons

    required property LanguageBridge language
    property color ringColor: Theme.focusRing

    signal chosen(string tag)

    spacing: Theme.gapSmall
    visible: language.others.length > 0

    Repeater {
        model: buttons.language.others
        KioskButton {
            required property var modelData
            objectName: "language-" + modelData.tag
            text: modelData.name
            Accessible.name: modelData.label
            ringColor: buttons.ringColor
            onClicked: {
                // Choosing remakes these buttons (the list is of the other languages):
                // take what is needed before.
                const tag = modelData.tag
                const row = buttons
                row.language.choose(tag)
                row.chosen(tag)
            }
        }
    }
}
