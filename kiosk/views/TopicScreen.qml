pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// The pages of one topic, as large list items.
Item {
    id: screen

    required property ContentBridge content
    required property NavigationBridge navigation
    required property string topicId

    ListView {
        id: list
        objectName: "topicPages"
        // One centred column, as wide as a comfortable reading line allows.
        width: Math.min(parent.width - 2 * Theme.margin, Theme.topicListWidth)
        height: parent.height - 2 * Theme.margin
        anchors.centerIn: parent
        model: screen.content.pagesOf(screen.topicId)
        // While the patient reads the list, its pages are made ready to open.
        Component.onCompleted: screen.content.readAhead(screen.topicId)
        spacing: Theme.spacing
        currentIndex: -1  // no item takes the focus from the title; Tab walks the items
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        header: ScreenTitle {
            width: list.width
            announce: true
            text: screen.content.topicTitle(screen.topicId)
            bottomPadding: Theme.spacing * 1.5
        }

        delegate: ItemDelegate {
            id: item
            required property string pageId
            required property string title
            required property string summary

            objectName: "pageItem_" + pageId
            width: list.width
            focusPolicy: Qt.TabFocus
            padding: Theme.spacing * 1.25
            Keys.onReturnPressed: click()
            Keys.onEnterPressed: click()
            Accessible.name: title
            Accessible.description: summary
            onClicked: screen.navigation.openPage(pageId)

            contentItem: Row {
                spacing: Theme.spacing
                Column {
                    width: item.availableWidth - chevron.width - Theme.spacing
                    spacing: Theme.gapSmall
                    anchors.verticalCenter: parent.verticalCenter
                    CardTitle {
                        width: parent.width
                        text: item.title
                        Accessible.ignored: true  // the item says it
                    }
                    BodyText {
                        width: parent.width
                        Accessible.ignored: true
                        text: item.summary
                        color: Theme.muted
                    }
                }
                Image {
                    id: chevron
                    source: Theme.icon("next", false)
                    sourceSize: Qt.size(Theme.chevronIcon, Theme.chevronIcon)
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
            background: Rectangle {
                radius: Theme.radius
                color: item.down ? Theme.pressed : Theme.surface
                border.width: Theme.line
                border.color: Theme.controlBorder
                FocusRing { shown: item.visualFocus }
            }
        }
    }
}
