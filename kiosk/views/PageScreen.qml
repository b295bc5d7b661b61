import QtQuick

// A single page, opened from a topic or a link.
Item {
    id: screen

    required property var content
    required property var navigation
    required property string pageId

    PageView {
        anchors.fill: parent
        content: screen.content
        navigation: screen.navigation
        pageId: screen.pageId
    }
}
