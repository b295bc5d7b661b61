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

    spacing: 8

    BodyText {
        Layout.fillWidth: true
        text: row.label
        font.bold: true
    }
    Flow {
        Layout.fillWidth: true
        spacing: 12
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
    Caption {
        objectName: row.objectName + "Error"
        Layout.fillWidth: true
        visible: row.error !== ""
        text: row.error
        font.bold: true
        color: Theme.highContrast ? Theme.accent : Theme.noticeBorder
    }
}
