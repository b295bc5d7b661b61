import QtQuick
import QtQuick.Layouts
import Kiosk

// One block of a page: a run of its text, or a box ("How strong is this
// evidence?", a checklist, "When to get help") in its own frame and colour.
Rectangle {
    id: block

    required property var modelData
    required property url baseUrl
    required property NavigationBridge navigation

    readonly property string kind: modelData.kind || ""
    readonly property bool boxed: kind !== ""
    readonly property int inset: boxed ? Theme.boxPadding : 0

    objectName: boxed ? "pageBox_" + kind : "pageTextBlock"
    implicitHeight: words.implicitHeight + 2 * inset
    color: boxed ? Theme.boxFill(kind) : "transparent"
    radius: Theme.radiusSmall
    border.width: boxed ? Theme.line : 0
    border.color: Theme.boxBorder(kind)

    Rectangle {
        visible: block.boxed
        width: Theme.noticeStripe
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        radius: Theme.noticeStripeRadius
        color: Theme.boxBorder(block.kind)
    }
    ColumnLayout {
        id: words
        x: block.inset + (block.boxed ? Theme.noticeStripe : 0)
        y: block.inset
        width: block.width - x - block.inset
        spacing: Theme.gapSmall

        HeadingText {
            objectName: "boxTitle"
            Layout.fillWidth: true
            visible: block.boxed
            text: block.modelData.title || ""
            font.pixelSize: Theme.boxTitleFont
        }
        BodyText {
            objectName: "pageText"
            Layout.fillWidth: true
            // Every word, each picture's alt text and each link's words, for a screen reader.
            Accessible.name: block.modelData.text || ""
            textFormat: Text.RichText
            text: Theme.richText(block.modelData.html)
            baseUrl: block.baseUrl
            onLinkActivated: (link) => block.navigation.openLink(link)
        }
    }
}
