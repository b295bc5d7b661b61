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
    focusPolicy: Qt.NoFocus
    padding: Theme.spacing
    implicitWidth: 480
    implicitHeight: Math.max(Theme.touchTarget * 1.5, implicitContentHeight + 2 * padding)
    Accessible.name: title
    Accessible.description: summary

    contentItem: Row {
        spacing: Theme.spacing
        Image {
            id: picture
            source: tile.iconUrl
            sourceSize: Qt.size(112, 112)
            anchors.verticalCenter: parent.verticalCenter
        }
        Column {
            width: tile.availableWidth - picture.width - Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            spacing: 8
            Text {
                width: parent.width
                text: tile.title
                wrapMode: Text.WordWrap
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(Theme.headingFont * 0.85)
                font.bold: true
                color: Theme.ink
            }
            Caption {
                width: parent.width
                text: tile.summary
                maximumLineCount: 3
                elide: Text.ElideRight
            }
        }
    }
    background: Rectangle {
        radius: Theme.radius
        color: tile.down ? Theme.pressed : Theme.surface
        border.width: 3
        border.color: Theme.border
    }
}
