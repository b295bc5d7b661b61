import QtQuick

// The Contact us screen.
Item {
    id: screen

    required property var content
    required property var navigation

    ContactView {
        anchors.fill: parent
        content: screen.content
        navigation: screen.navigation
    }
}
