pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// One page, sized for reading. On a wide screen the notices and sources sit in
// a column beside the text; on a tall one they follow it.
Flickable {
    id: view

    required property ContentBridge content
    required property NavigationBridge navigation
    required property SpeechBridge speech
    required property UsageBridge usage
    required property string pageId

    readonly property var page: content.page(pageId)
    readonly property bool wide: width >= Theme.pageWideWidth
    readonly property int sideWidth: Theme.pageSideWidth
    // False from a page's opening to its first frame: what is below the first screenful
    // is made after that frame, so the tap shows the page at once.
    readonly property bool drawn: drawnPage === pageId
    property string drawnPage: ""

    objectName: "pageView"
    clip: true
    contentWidth: width
    contentHeight: grid.implicitHeight + 2 * Theme.margin
    flickableDirection: Flickable.VerticalFlick
    boundsBehavior: Flickable.StopAtBounds
    onPageIdChanged: {
        contentY = 0
        title.takeFocus()  // a new page, or the next tour step: say where the patient is
    }
    Connections {
        target: view.Window.window
        enabled: !view.drawn
        // Once the frame is out, not while Qt is still telling of it.
        function onFrameSwapped() { Qt.callLater(() => view.drawnPage = view.pageId) }
    }
    // What Tab reaches is brought into view.
    Connections {
        target: view.Window.window
        function onActiveFocusItemChanged() { view.reveal(view.Window.activeFocusItem) }
    }
    function reveal(item) {
        let up = item
        while (up && up !== view.contentItem)
            up = up.parent
        if (!up || item === title)
            return
        const top = item.mapToItem(view.contentItem, 0, 0).y
        if (top < contentY || top + item.height > contentY + height)
            contentY = Math.max(0, Math.min(contentHeight - height, top - height / 3))
    }
    // Arrow and Page keys scroll, from wherever the focus is on the page.
    Keys.onPressed: (event) => {
        const step = { [Qt.Key_Down]: Theme.bodyFont * 3, [Qt.Key_Up]: -Theme.bodyFont * 3,
                       [Qt.Key_PageDown]: height * 0.9, [Qt.Key_PageUp]: -height * 0.9,
                       [Qt.Key_End]: contentHeight, [Qt.Key_Home]: -contentHeight }[event.key]
        if (step === undefined)
            return
        contentY = Math.max(0, Math.min(contentHeight - height, contentY + step))
        event.accepted = true
    }

    ScrollBar.vertical: PageScrollBar { flickable: view }

    GridLayout {
        id: grid
        columns: view.wide ? 2 : 1
        columnSpacing: Theme.margin * 1.5
        rowSpacing: Theme.margin
        width: Math.min(view.width - 2 * Theme.margin,
                        Theme.readingWidth + (view.wide ? view.sideWidth + columnSpacing : 0))
        x: (view.width - width) / 2
        y: Theme.margin

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            Layout.maximumWidth: Theme.readingWidth
            spacing: Theme.spacing

            ScreenTitle {
                id: title
                objectName: "pageTitle"
                Layout.fillWidth: true
                announce: true
                text: view.page.title || ""
            }
            BodyText {
                objectName: "onlyIn"  // "This page is only in English", in the patient's words
                Layout.fillWidth: true
                visible: text !== ""
                text: view.page.onlyIn || ""
                font.italic: true
                color: Theme.muted
            }
            ListenBar {
                Layout.fillWidth: true
                speech: view.speech
                key: "page:" + view.pageId
                sentences: view.page.spoken || []
            }
            BodyText {
                Layout.fillWidth: true
                text: view.page.summary || ""
                font.pixelSize: Math.round(Theme.bodyFont * 1.1)
                color: Theme.muted
            }
            KeyPointsBox {
                Layout.fillWidth: true
                Layout.topMargin: Theme.gapSmall
                points: view.page.keyPoints || []
            }
            PageBlocks {
                Layout.fillWidth: true
                model: view.page.blocks || []
                baseUrl: view.content.baseUrl
                navigation: view.navigation
                restMade: view.drawn
            }
            PageTerms {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                terms: view.page.terms || []
                navigation: view.navigation
                made: view.drawn
            }
            PageLinks {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                links: view.page.links || []
                navigation: view.navigation
                made: view.drawn
            }
            Loader {  // after the text, so made once the page's first frame is out
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                active: view.drawn && view.usage.asking
                sourceComponent: HelpfulBox { usage: view.usage; pageId: view.pageId }
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: !view.wide
            Layout.preferredWidth: view.wide ? view.sideWidth : -1
            Layout.topMargin: view.wide ? Theme.titleFont * 1.5 : 0
            spacing: Theme.spacing

            NoticeBox {
                objectName: "crisisLine"
                Layout.fillWidth: true
                visible: view.page.showCrisisLine === true
                text: view.content.crisisText
            }
            BodyText {
                objectName: "disclaimer"
                Layout.fillWidth: true
                text: view.content.disclaimer
                font.bold: true
            }
            QrCode {
                objectName: "pageQr"
                Layout.fillWidth: true
                content: view.content
                value: view.page.publicUrl || ""
                label: qsTr("Read this at home")
                description: qsTr("QR code: opens this page on your phone")
                note: value
            }
            HeadingText {
                Layout.fillWidth: true
                visible: (view.page.sources || []).length > 0
                //: Heading over the list of studies and guidelines a page is based on
                text: qsTr("Sources")
                wrapMode: Text.NoWrap
                font.pixelSize: Theme.boxTitleFont
            }
            Repeater {
                model: view.page.sources || []
                Caption {
                    required property string modelData
                    required property int index
                    Layout.fillWidth: true
                    text: (index + 1) + ". " + modelData
                }
            }
            Caption {
                objectName: "pageReviewed"
                Layout.fillWidth: true
                text: view.page.reviewed || ""
            }
        }
    }
}
