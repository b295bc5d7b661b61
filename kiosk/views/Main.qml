pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The kiosk window: the top bar and the screen the navigation points at.
ApplicationWindow {
    id: window

    required property var content
    required property var navigation
    required property var display
    required property var form
    required property var session
    required property url iconDir
    property bool frameless: false  // full-screen kiosk mode sets it

    title: content.clinicName
    flags: frameless ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window
    color: Theme.background
    font.family: Theme.fontFamily

    Binding { target: Theme; property: "textScale"; value: window.display.textScale }
    Binding { target: Theme; property: "highContrast"; value: window.display.highContrast }
    Binding { target: Theme; property: "iconDir"; value: window.iconDir }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TopBar {
            Layout.fillWidth: true
            visible: window.navigation.screen !== "attract"
            navigation: window.navigation
            display: window.display
            session: window.session
        }

        Loader {
            id: screenLoader
            objectName: "screen"
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: {
                switch (window.navigation.screen) {
                case "home": return home
                case "topic": return topic
                case "page": return page
                case "tour": return tour
                case "contact": return contact
                default: return attract
                }
            }
        }
    }

    Component {
        id: attract
        AttractScreen { content: window.content; navigation: window.navigation }
    }
    Component {
        id: home
        HomeScreen { content: window.content; navigation: window.navigation }
    }
    Component {
        id: topic
        TopicScreen {
            content: window.content
            navigation: window.navigation
            topicId: window.navigation.target
        }
    }
    Component {
        id: page
        PageScreen {
            content: window.content
            navigation: window.navigation
            pageId: window.navigation.target
        }
    }
    Component {
        id: tour
        TourScreen {
            content: window.content
            navigation: window.navigation
            form: window.form
            pageId: window.navigation.target
            step: window.navigation.step
        }
    }
    Component {
        id: contact
        ContactScreen {
            content: window.content
            navigation: window.navigation
            form: window.form
        }
    }

    IdleWarning {
        anchors.fill: parent
        session: window.session
    }
}
