pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts

// One choice from a few, as a row of large buttons.
ColumnLayout {
    id: row

    property string label
    property var options: []  // [{value, text}]
    property string value
    property string error

    spacing: Theme.gapSmall

    function focusProblem() { choices.itemAt(0).forceActiveFocus(Qt.TabFocusReason) }

    BodyText {
        Layout.fillWidth: true
        text: row.label
        font.bold: true
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.gapMedium
        // A group of radio buttons named after its question, for screen readers.
        Accessible.role: Accessible.Grouping
        Accessible.name: row.label
        Repeater {
            id: choices
            model: row.options
            KioskButton {
                required property var modelData
                objectName: row.objectName + "_" + modelData.value
                text: modelData.text
                Accessible.role: Accessible.RadioButton
                Accessible.description: row.error
                checkable: true
                checked: row.value === modelData.value
                onClicked: row.value = modelData.value
            }
        }
    }
    FieldError {
        objectName: row.objectName + "Error"
        Layout.fillWidth: true
        visible: row.error !== ""
        text: row.error
    }
}
