pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Kiosk

// Contact us: the clinic's details and the request form. The on-screen
// keyboard sits below the form, never over it, and the field being typed in
// is scrolled into view above it.
Item {
    id: screen

    required property ContentBridge content
    required property NavigationBridge navigation
    required property ContactFormBridge form
    required property SpeechBridge speech

    readonly property bool wide: width > height
    readonly property var focused: Window.activeFocusItem
    // The text box the kiosk's keys type into: the one with the focus, or the last
    // one while a keyboard or switch user is on the keys themselves.
    property var editing: null
    onFocusedChanged: {
        if (focused && focused.keyboardLayout !== undefined)
            editing = focused
        else if (!(focused && within(focused, kioskKeys)))
            editing = null
        if (focused && focused !== editing && within(focused, scroller.contentItem))
            scrollTo(focused)  // what Tab reaches comes into view (a text box does already)
    }
    function within(item, ancestor) {
        for (let up = item; up; up = up.parent)
            if (up === ancestor)
                return true
        return false
    }
    // Enter in a text box takes a keyboard or switch user to the kiosk's keys.
    Keys.onReturnPressed: (event) => {
        if (editing && focused === editing && kioskKeys.visible)
            kioskKeys.focusFirstKey()
        else
            event.accepted = false
    }
    property string savedMethod: ""
    // Words typed in the form, not yet sent: "I'm done" asks before clearing them.
    readonly property bool hasTyping: (formLoader.item as ContactForm)?.typed ?? false

    property var pendingView: null  // an item to scroll to once layout settles

    function keepInView() {
        if (editing)
            scrollTo(editing)
    }

    // Deferred by a timer the screen owns: if the screen is torn down first
    // (the patient tapped "I'm done"), the scroll is dropped with it.
    function scrollTo(item) {
        pendingView = item
        scrollTimer.restart()
    }

    Timer {
        id: scrollTimer
        interval: 0
        onTriggered: if (screen.pendingView) screen.bringIntoView(screen.pendingView)
    }

    function bringIntoView(item) {
        const top = item.mapToItem(scroller.contentItem, 0, 0).y - Theme.spacing * 3
        const bottom = top + item.height + Theme.spacing * 6
        if (bottom > scroller.contentY + scroller.height)
            scroller.contentY = Math.min(bottom - scroller.height,
                                         scroller.contentHeight - scroller.height)
        if (top < scroller.contentY)
            scroller.contentY = Math.max(0, top)
    }

    onEditingChanged: keepInView()

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Flickable {
            id: scroller
            objectName: "contactScroller"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: grid.implicitHeight + 2 * Theme.margin
            flickableDirection: Flickable.VerticalFlick
            boundsBehavior: Flickable.StopAtBounds
            onHeightChanged: screen.keepInView()

            ScrollBar.vertical: PageScrollBar { flickable: scroller }

            GridLayout {
                id: grid
                columns: screen.wide ? 2 : 1
                columnSpacing: Theme.margin * 1.5
                rowSpacing: Theme.margin
                width: Math.min(scroller.width - 2 * Theme.margin,
                                screen.wide ? Theme.contactWideWidth : Theme.contactWidth)
                x: (scroller.width - width) / 2
                y: Theme.margin

                ContactDetails {
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: screen.wide ? Theme.contactDetailsWidth : grid.width
                    Layout.fillWidth: !screen.wide
                    content: screen.content
                    navigation: screen.navigation
                    speech: screen.speech
                }

                Loader {
                    id: formLoader
                    Layout.alignment: Qt.AlignTop
                    Layout.fillWidth: true
                    sourceComponent: screen.savedMethod !== "" ? thanks
                                   : screen.form.available ? requestForm : unavailable
                }
            }
        }

        OnScreenKeyboard {
            id: kioskKeys
            Layout.fillWidth: true
            visible: screen.editing !== null && screen.savedMethod === ""
            target: screen.editing
            onDoneRequested: scroller.forceActiveFocus()
        }
    }

    Component {
        id: requestForm
        ContactForm {
            bridge: screen.form
            content: screen.content
            onProblemAt: (item) => screen.scrollTo(item)
            onKeysWanted: kioskKeys.focusFirstKey()
            onSaved: (method) => {
                scroller.forceActiveFocus()
                scroller.contentY = 0
                screen.savedMethod = method
            }
        }
    }

    Component {
        id: thanks
        ColumnLayout {
            spacing: Theme.spacing
            ScreenTitle {
                objectName: "thankYou"
                Layout.fillWidth: true
                announce: true  // the screen reader says it as the thank-you appears
                text: qsTr("Thank you")
            }
            BodyText {
                Layout.fillWidth: true
                text: screen.form.thanks(screen.savedMethod, screen.content.clinicPhones)
                font.pixelSize: Theme.headingFont
            }
            BodyText {
                Layout.fillWidth: true
                text: qsTr("This screen will clear what you typed and go back to the start.")
                color: Theme.muted
            }
            KioskButton {
                objectName: "thanksDone"
                Layout.fillWidth: true
                primary: true
                //: Button: leave the thank-you and go back to the start
                text: qsTr("Done")
                iconName: "home"
                onClicked: screen.navigation.home()
            }
            Timer {
                objectName: "thanksTimer"
                interval: 20000
                running: true
                onTriggered: screen.navigation.home()
            }
        }
    }

    Component {
        id: unavailable
        BodyText {
            objectName: "formUnavailable"
            text: qsTr("To ask a question or book a visit, please call us or ask at the front desk.")
            font.pixelSize: Theme.headingFont
        }
    }
}
