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

    Text {
        Layout.fillWidth: true
        text: row.label
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.bodyFont
        font.bold: true
        color: Theme.ink
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
    Text {
        objectName: row.objectName + "Error"
        Layout.fillWidth: true
        visible: row.error !== ""
        text: row.error
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.smallFont
        font.bold: true
        color: Theme.highContrast ? Theme.accent : Theme.noticeBorder
    }
}
