import QtQuick

// A framed notice, such as the crisis line.
Rectangle {
    id: box

    property string text

    implicitHeight: label.implicitHeight + 2 * Theme.spacing
    color: Theme.notice
    radius: Theme.radiusSmall
    border.width: Theme.line
    border.color: Theme.noticeBorder

    Rectangle {
        width: Theme.noticeStripe
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom }
        radius: Theme.noticeStripeRadius
        color: Theme.noticeBorder
    }
    BodyText {
        id: label
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                  leftMargin: Theme.spacing + Theme.noticeStripe; rightMargin: Theme.spacing }
        text: box.text
        font.bold: true
    }
}
