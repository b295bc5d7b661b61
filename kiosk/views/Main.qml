pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// The kiosk window: the top bar and the screen the navigation points at.
ApplicationWindow {
    id: window

    required property ContentBridge content
    required property NavigationBridge navigation
    required property DisplayBridge display
    required property ContactFormBridge form
    required property SessionBridge session
    required property StaffBridge staff
    required property SpeechBridge speech
    required property LanguageBridge language
    required property UsageBridge usage
    required property url iconDir
    // Kiosk mode: frameless, on top, and closing is refused (Alt+F4, a close
    // request from the desktop) unless staff chose to exit.
    property bool locked: false
    property bool exitAllowed: false

    title: content.clinicName
    flags: locked ? (Qt.Window | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint) : Qt.Window
    onClosing: (close) => { close.accepted = !locked || exitAllowed }
    color: Theme.background
    font.family: Theme.fontFamily

    // Leaving a form that holds typed words asks first; anything else goes at once.
    function leave(action) {
        const contact = screenLoader.item as ContactScreen
        if (contact && contact.hasTyping)
            confirmDone.ask(action)
        else
            action()
    }

    Binding { target: Theme; property: "textScale"; value: window.display.textScale }
    Binding { target: Theme; property: "highContrast"; value: window.display.highContrast }
    Binding { target: Theme; property: "iconDir"; value: window.iconDir }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        // Escape is Back, from anywhere that does not use it itself.
        Keys.onEscapePressed: window.leave(() => window.navigation.back())

        TopBar {
            Layout.fillWidth: true
            visible: window.navigation.screen !== window.navigation.screens.attract
            navigation: window.navigation
            display: window.display
            session: window.session
            language: window.language
            onHomeRequested: window.leave(() => window.navigation.home())
            onBackRequested: window.leave(() => window.navigation.back())
            onDoneRequested: window.leave(() => window.session.done())
        }

        Loader {
            id: screenLoader
            objectName: "screen"
            Layout.fillWidth: true
            Layout.fillHeight: true

            property string shown: ""

            // Screens change kind here; within a kind (page to page, tour step
            // to step) their own bindings follow the navigation. The contact
            // and staff screens are compiled the first time they open rather
            // than at start-up.
            function show() {
                const screen = window.navigation.screen
                const screens = window.navigation.screens
                if (screen === shown)
                    return
                shown = screen
                const byUrl = {
                    [screens.contact]: ["ContactScreen.qml", { content: window.content,
                                        navigation: window.navigation, form: window.form,
                                        speech: window.speech }],
                    [screens.staff]: ["StaffScreen.qml", { staff: window.staff,
                                      navigation: window.navigation }]
                }[screen]
                if (byUrl) {
                    sourceComponent = undefined
                    setSource(byUrl[0], byUrl[1])
                    return
                }
                source = ""
                sourceComponent = ({ [screens.home]: home, [screens.topic]: topic,
                                     [screens.page]: page, [screens.tour]: tour })[screen]
                                  || attract
            }

            Component.onCompleted: show()
            Connections {
                target: window.navigation
                function onChanged() { screenLoader.show() }
            }
            // The Contact screen is made with its content, not bound to it: when the
            // patient switches language there, the new content reaches it here, and
            // what they typed in the form stays.
            Binding {
                target: screenLoader.item
                property: "content"
                value: window.content
                when: screenLoader.shown === window.navigation.screens.contact
                      && screenLoader.status === Loader.Ready
            }
        }
    }

    Component {
        id: attract
        AttractScreen {
            content: window.content
            navigation: window.navigation
            language: window.language
        }
    }
    Component {
        id: home
        HomeScreen {
            content: window.content
            navigation: window.navigation
            usage: window.usage
        }
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
            speech: window.speech
            usage: window.usage
            pageId: window.navigation.target
        }
    }
    Component {
        id: tour
        TourScreen {
            content: window.content
            navigation: window.navigation
            form: window.form
            speech: window.speech
            usage: window.usage
            pageId: window.navigation.target
            step: window.navigation.step
        }
    }
    GlossaryCard {
        anchors.fill: parent
        content: window.content
        navigation: window.navigation
        speech: window.speech
    }
    ConfirmDone {
        id: confirmDone
        anchors.fill: parent
        session: window.session
    }
    IdleWarning {
        anchors.fill: parent
        session: window.session
    }
}
