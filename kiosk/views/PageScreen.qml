import QtQuick
import Kiosk

// A single page, opened from a topic or a link.
Item {
    id: screen

    required property ContentBridge content
    required property NavigationBridge navigation
    required property SpeechBridge speech
    required property UsageBridge usage
    required property string pageId

    PageView {
        anchors.fill: parent
        content: screen.content
        navigation: screen.navigation
        speech: screen.speech
        usage: screen.usage
        pageId: screen.pageId
    }
}
