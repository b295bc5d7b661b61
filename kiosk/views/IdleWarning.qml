import QtQuick
import QtQuick.Layouts
import Kiosk

// "Are you still there?": over everything, counting down before the kiosk
// starts over. One tap anywhere keeps the patient's place (WCAG 2.2.1).
Rectangle {
    id: overlay

    required property SessionBridge session

    objectName: "idleWarning"
    visible: session.warning
    color: Theme.scrim

    // For the keyboard too: the focus moves to "I'm still here", any key counts as
    // still here (as any touch does), and the focus goes back where it was.
    property Item before: null
    // What a screen reader hears: said as the warning appears and again at 10 seconds,
    // not every second.
    property string spoken: ""
    onVisibleChanged: {
        if (visible) {
            before = Window.activeFocusItem
            stillHere.forceActiveFocus(Qt.OtherFocusReason)
            Qt.callLater(() => { overlay.spoken = countdown.text })  // once the count is set
        } else if (before) {
            before.forceActiveFocus(Qt.OtherFocusReason)
            before = null
        }
    }
    Connections {
        target: overlay.session
        function onSecondsLeftChanged() {
            if (overlay.visible && overlay.session.secondsLeft === 10)
                overlay.spoken = countdown.text
        }
    }

    MouseArea {  // a tap anywhere answers it, and reaches nothing beneath
        anchors.fill: parent
        onClicked: overlay.session.stillHere()
        onWheel: (wheel) => { wheel.accepted = true }
    }

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.idleWidth)
        height: column.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        border.width: Theme.line
        border.color: Theme.border

        ColumnLayout {
            id: column
            anchors { left: parent.left; right: parent.right; top: parent.top
                      margins: Theme.margin }
            spacing: Theme.spacing * 1.5

            ScreenTitle {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("Are you still there?")
            }
            BodyText {
                id: countdown
                objectName: "idleCountdown"
                Accessible.role: Accessible.AlertMessage
                Accessible.name: overlay.spoken
                // A second alert appears at 10 seconds: a screen reader says an alert as
                // it is shown, where a changed name may go unsaid.
                Item {
                    objectName: "idleLastSeconds"
                    visible: overlay.visible && overlay.session.secondsLeft <= 10
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: visible ? countdown.text : ""
                }
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: qsTr("To keep your information private, this screen will clear and start over in %n second(s).",
                           "", overlay.session.secondsLeft)
                font.pixelSize: Theme.headingFont
            }
            KioskButton {
                id: stillHere
                objectName: "stillHere"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget * 1.5
                primary: true
                text: qsTr("I'm still here")
                onClicked: overlay.session.stillHere()
            }
        }
    }
}
