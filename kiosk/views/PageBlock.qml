pragma ComponentBehavior: Bound
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
    property bool restMade: true  // the paragraphs after the first screenful (PageBlocks)

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
        // Each paragraph, list or table on its own: the first screenful of the page is
        // laid out at once (ContentBridge's "soon"), the rest right after its first frame.
        ColumnLayout {
            Layout.fillWidth: true
            spacing: Theme.paragraphGap

            Repeater {
                model: block.modelData.pieces || []
                Loader {
                    id: piece

                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    Layout.topMargin: modelData.heading && index > 0
                                      ? Theme.headingGap - Theme.paragraphGap : 0
                    active: modelData.soon || block.restMade
                    sourceComponent: BodyText {
                        objectName: "pageText"
                        width: piece.width
                        // Every word, each picture's alt text and each link's words, for a
                        // screen reader.
                        Accessible.name: piece.modelData.text || ""
                        textFormat: Text.RichText
                        text: Theme.richText(piece.modelData.html)
                        baseUrl: block.baseUrl
                        onLinkActivated: (link) => block.navigation.openLink(link)
                    }
                }
            }
        }
    }
}
