pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Shown instead of the kiosk when its settings file has mistakes. It is for
// staff and IT: it names each problem, as `kiosk-admin config check` does.
ApplicationWindow {
    id: window

    required property var problems

    title: qsTr("Clinic kiosk settings")
    color: Theme.accent

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.setupWidth)
        spacing: Theme.setupGap
        DisplayText {
            Layout.fillWidth: true
            text: qsTr("This screen is being set up")
            horizontalAlignment: Text.AlignLeft
            font.pixelSize: Theme.setupTitleFont
            font.bold: true
        }
        DisplayText {
            Layout.fillWidth: true
            text: qsTr("Please tell the front desk. For IT: the kiosk's settings have these problems (run kiosk-admin config check):")
            horizontalAlignment: Text.AlignLeft
            font.pixelSize: Theme.setupTextFont
        }
        Repeater {
            model: window.problems
            CodeText {
                required property string modelData
                objectName: "settingsProblem"
                Layout.fillWidth: true
                text: modelData
                font.pixelSize: Theme.setupCodeFont
                color: Theme.accentInk
            }
        }
    }
}
