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

    BodyText {
        Layout.fillWidth: true
        text: row.label
        font.bold: true
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.gapMedium
        Repeater {
            model: row.options
            KioskButton {
                required property var modelData
                objectName: row.objectName + "_" + modelData.value
                text: modelData.text
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
