pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The banner above an author's preview (kiosk.bridge.preview_banner): what
// `kiosk-admin bundle validate` says of the screen below. For authors, in the words
// of the checks, so not translated; it has nothing to press.
Rectangle {
    id: banner

    required property PreviewBridge preview

    objectName: "previewBanner"
    implicitHeight: column.implicitHeight + 2 * Theme.previewPadding
    color: Theme.previewFill

    Rectangle {  // the worst problem's colour down the side
        width: Theme.previewStrip
        height: parent.height
        color: Theme.previewColor(banner.preview.worst)
    }
    ColumnLayout {
        id: column
        x: Theme.previewStrip + Theme.previewPadding
        y: Theme.previewPadding
        width: banner.width - x - Theme.previewPadding
        spacing: Theme.previewGap
        DisplayText {
            objectName: "previewHeading"
            Layout.fillWidth: true
            text: banner.preview.heading
            horizontalAlignment: Text.AlignLeft
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            font.pixelSize: Theme.previewFont
            font.bold: true
            color: Theme.previewInk
            Accessible.role: Accessible.Heading
        }
        DisplayText {
            objectName: "previewStatus"
            Layout.fillWidth: true
            text: banner.preview.status
            horizontalAlignment: Text.AlignLeft
            font.pixelSize: Theme.previewFont
            color: Theme.previewColor(banner.preview.worst)
            Accessible.role: banner.preview.worst === "error" ? Accessible.AlertMessage
                                                              : Accessible.StaticText
        }
        Repeater {
            model: banner.preview.lines
            CodeText {
                required property var modelData
                objectName: "previewProblem"
                Layout.fillWidth: true
                text: modelData.text
                wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                maximumLineCount: Theme.previewProblemLines  // the rest: validate, the terminal
                elide: Text.ElideRight
                font.pixelSize: Theme.previewCodeFont
                color: Theme.previewColor(modelData.severity)
            }
        }
        DisplayText {
            objectName: "previewMore"
            Layout.fillWidth: true
            visible: text !== ""
            text: banner.preview.more
            horizontalAlignment: Text.AlignLeft
            font.pixelSize: Theme.previewFont
            color: Theme.previewInk
        }
    }
}
