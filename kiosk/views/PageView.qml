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
    required property string pageId

    readonly property var page: content.page(pageId)
    readonly property bool wide: width >= Theme.pageWideWidth
    readonly property int sideWidth: Theme.pageSideWidth

    objectName: "pageView"
    clip: true
    contentWidth: width
    contentHeight: grid.implicitHeight + 2 * Theme.margin
    flickableDirection: Flickable.VerticalFlick
    boundsBehavior: Flickable.StopAtBounds
    onPageIdChanged: contentY = 0

    ScrollBar.vertical: ScrollBar {
        width: Theme.scrollBarWidth
        policy: view.contentHeight > view.height ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
        interactive: false
    }

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
                objectName: "pageTitle"
                Layout.fillWidth: true
                text: view.page.title || ""
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
            HeadingText {
                Layout.fillWidth: true
                visible: (view.page.sources || []).length > 0
                text: "Sources"
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
