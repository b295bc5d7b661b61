pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// A page's text and its boxes, in reading order.
ColumnLayout {
    id: blocks

    required property var model  // a page's "blocks": kind, title, html
    required property url baseUrl
    required property NavigationBridge navigation
    // Whether the paragraphs after the first screenful are made (PageView: once the
    // page's first frame is on the screen).
    property bool restMade: true

    objectName: "pageBody"
    spacing: Theme.spacing

    Repeater {
        model: blocks.model
        PageBlock {
            Layout.fillWidth: true
            baseUrl: blocks.baseUrl
            navigation: blocks.navigation
            restMade: blocks.restMade
        }
    }
}
