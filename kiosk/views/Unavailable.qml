pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic

// Shown instead of the kiosk when its content cannot be loaded. The reason is
// in the log for staff; patients see a calm message and nothing technical, in
// every language the kiosk speaks (with no content, there is no language button).
ApplicationWindow {
    id: window

    // [{language, title, text}], English first: kiosk.bridge.window.being_updated()
    required property var notices

    title: qsTr("Clinic kiosk")
    color: Theme.accent

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.unavailableWidth)
        spacing: Theme.unavailableGap * 2

        Repeater {
            model: window.notices
            Column {
                id: notice
                required property var modelData
                required property int index
                width: parent.width
                spacing: Theme.unavailableGap
                DisplayText {
                    objectName: notice.index === 0 ? "unavailableTitle" : ""
                    width: parent.width
                    text: notice.modelData.title
                    font.pixelSize: Theme.unavailableTitleFont
                    font.bold: true
                }
                DisplayText {
                    width: parent.width
                    text: notice.modelData.text
                    font.pixelSize: Theme.unavailableTextFont
                }
            }
        }
    }
}
