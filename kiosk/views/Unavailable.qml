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
        width: Math.min(parent.width - 2 * Theme.margin, Theme.unavailableWidth)
        spacing: Theme.unavailableGap
        DisplayText {
            objectName: "unavailableTitle"
            width: parent.width
            text: "This screen is being updated"
            font.pixelSize: Theme.unavailableTitleFont
            font.bold: true
        }
        DisplayText {
            width: parent.width
            text: "Please ask the front desk. Thank you for your patience."
            font.pixelSize: Theme.unavailableTextFont
        }
    }
}
