import QtQuick

// A framed notice, such as the crisis line.
Rectangle {
    id: box

    property string text

    implicitHeight: label.implicitHeight + 2 * Theme.spacing
    color: Theme.notice
    radius: Theme.radius / 2
    border.width: 3
    border.color: Theme.noticeBorder

    Rectangle {
        width: 10
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        radius: 4
        color: Theme.noticeBorder
    }
    BodyText {
        id: label
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                  leftMargin: Theme.spacing + 10; rightMargin: Theme.spacing }
        text: box.text
        font.bold: true
    }
}
