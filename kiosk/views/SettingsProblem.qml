pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Shown instead of the kiosk when its settings file has mistakes. It is for
// staff and IT: it names each problem, as `kiosk-admin config check` does.
ApplicationWindow {
    id: window

    required property var problems

    title: "Clinic kiosk settings"
    color: Theme.accent

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 96, 1400)
        spacing: 32
        Text {
            Layout.fillWidth: true
            text: "This screen is being set up"
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: 60
            font.bold: true
            color: Theme.accentInk
        }
        Text {
            Layout.fillWidth: true
            text: "Please tell the front desk. For IT: the kiosk's settings have these "
                  + "problems (run kiosk-admin config check):"
            wrapMode: Text.WordWrap
            font.family: Theme.fontFamily
            font.pixelSize: 32
            color: Theme.accentInk
        }
        Repeater {
            model: window.problems
            Text {
                required property string modelData
                objectName: "settingsProblem"
                Layout.fillWidth: true
                text: modelData
                wrapMode: Text.WrapAnywhere
                font.family: "monospace"
                font.pixelSize: 26
                color: Theme.accentInk
            }
        }
    }
}
