import QtQuick
import QtQuick.Layouts
import Kiosk

// Leaving the form with words typed in it ("I'm done", Home, Back, Escape): one
// question before they are gone, so a tap that meant Contrast does not wipe a
// half-filled request. `ask(then)` shows it; Yes does `then`.
Rectangle {
    id: overlay

    required property SessionBridge session

    property Item before: null
    property var then: null  // what Yes does

    function ask(action) {
        then = action
        open()
    }
    function open() {
        before = Window.activeFocusItem
        visible = true
        keep.forceActiveFocus(Qt.OtherFocusReason)
    }
    function close() {
        visible = false
        if (before)
            before.forceActiveFocus(Qt.OtherFocusReason)
        before = null
    }

    objectName: "confirmDone"
    visible: false
    color: Theme.scrim
    Accessible.role: Accessible.Dialog
    Accessible.name: question.text

    MouseArea {  // nothing behind it can be touched or scrolled while it asks
        anchors.fill: parent
        onWheel: (wheel) => { wheel.accepted = true }
    }
    Keys.onEscapePressed: overlay.close()
    FocusTrap { scope: overlay }
    Connections {
        target: overlay.session
        function onChanged() { if (overlay.session.warning) overlay.close() }  // the idle warning wins
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.idleWidth)
        height: column.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        border.width: Theme.line
        border.color: Theme.controlBorder

        ColumnLayout {
            id: column
            anchors { left: parent.left; right: parent.right; top: parent.top
                      margins: Theme.margin }
            spacing: Theme.spacing * 1.5

            ScreenTitle {
                id: question
                Layout.fillWidth: true
                text: qsTr("Clear everything you typed?")
            }
            BodyText {
                Layout.fillWidth: true
                text: qsTr("Your request has not been sent. If you clear it, the words you typed are gone.")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.doneGap
                KioskButton {
                    id: keep
                    objectName: "confirmDoneNo"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget * 1.3
                    text: qsTr("No, keep it")
                    onClicked: overlay.close()
                }
                KioskButton {
                    id: clear
                    objectName: "confirmDoneYes"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.touchTarget * 1.3
                    primary: true
                    text: qsTr("Yes, clear it")
                    onClicked: {
                        const action = overlay.then
                        overlay.visible = false
                        overlay.before = null
                        overlay.then = null
                        if (action)
                            action()
                    }
                }
            }
        }
    }
}
