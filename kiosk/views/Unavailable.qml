import QtQuick
import QtQuick.Controls.Basic

// Shown instead of the kiosk when its content cannot be loaded. The reason is
// in the log for staff; patients see a calm message and nothing technical.
ApplicationWindow {
    id: window

    title: "Clinic kiosk"
    color: Theme.accent

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 96, 1200)
        spacing: 40
        Text {
            objectName: "unavailableTitle"
            width: parent.width
            text: "This screen is being updated"
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: 64
            font.bold: true
            color: Theme.accentInk
        }
        Text {
            width: parent.width
            text: "Please ask the front desk. Thank you for your patience."
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: 44
            color: Theme.accentInk
        }
    }
}
