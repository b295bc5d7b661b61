pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The staff screen's usage: the last 30 days' most opened pages as bars (counts under 5
// are left out), and the report saved to a USB stick. Staff words: the clinic's language.
ColumnLayout {
    id: usage

    required property StaffBridge staff

    readonly property var pages: staff.state.usage || []

    objectName: "staffUsage"
    spacing: Theme.gapSmall

    BodyText {
        text: "Most opened pages, last 30 days:"
        font.bold: true
    }
    BodyText {
        visible: usage.pages.length === 0
        Layout.fillWidth: true
        text: "Nothing to show yet (counts under 5 are left out), or counting is off."
        color: Theme.muted
    }
    Repeater {
        model: usage.pages
        RowLayout {
            id: bar

            required property var modelData
            objectName: "usageBar"
            Layout.fillWidth: true
            spacing: Theme.gapMedium
            Accessible.role: Accessible.StaticText
            Accessible.name: bar.modelData.title + ": " + bar.modelData.opened

            Caption {
                Layout.preferredWidth: Theme.usageBarWidth  // the bars start at one edge
                text: bar.modelData.title
                elide: Text.ElideRight
                wrapMode: Text.NoWrap
            }
            Rectangle {
                Layout.preferredWidth: Math.max(Theme.line, Theme.usageBarWidth * bar.modelData.share)
                Layout.preferredHeight: Theme.gapMedium * 2
                color: Theme.accent
                radius: Theme.radiusSmall
            }
            Caption {
                Layout.fillWidth: true
                text: bar.modelData.opened
            }
        }
    }
    Repeater {
        model: usage.staff.state.folders || []
        KioskButton {
            required property string modelData
            objectName: "exportUsageTo"
            Layout.fillWidth: true
            text: "Save the usage report to " + modelData
            onClicked: usage.staff.exportUsageTo(modelData)
        }
    }
}
