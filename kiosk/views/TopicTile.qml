import QtQuick
import QtQuick.Controls.Basic

// A topic on the home screen: icon, title and one line of summary.
AbstractButton {
    id: tile

    required property string topicId
    required property string title
    required property string summary
    required property url iconUrl

    objectName: "topicTile_" + topicId
    focusPolicy: Qt.TabFocus
    Keys.onReturnPressed: click()
    Keys.onEnterPressed: click()
    padding: Theme.spacing
    implicitWidth: Theme.tileWidth
    implicitHeight: Math.max(Theme.touchTarget * 1.5, implicitContentHeight + 2 * padding)
    Accessible.name: title
    Accessible.description: summary

    contentItem: Row {
        spacing: Theme.spacing
        Image {
            id: picture
            source: tile.iconUrl
            sourceSize: Qt.size(Theme.tileIcon, Theme.tileIcon)
            anchors.verticalCenter: parent.verticalCenter
        }
        Column {
            width: tile.availableWidth - picture.width - Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.gapSmall
            CardTitle {
                width: parent.width
                text: tile.title
                Accessible.ignored: true  // the tile says it
            }
            Caption {
                width: parent.width
                Accessible.ignored: true
                text: tile.summary
                maximumLineCount: 3
                elide: Text.ElideRight
            }
        }
    }
    background: Rectangle {
        radius: Theme.radius
        color: tile.down ? Theme.pressed : Theme.surface
        border.width: Theme.line
        border.color: Theme.controlBorder
        FocusRing { shown: tile.visualFocus }
    }
}
