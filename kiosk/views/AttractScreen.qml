import QtQuick
import QtQuick.Controls.Basic
import Kiosk

// Shown between patients: the clinic's name, a calm invitation, and a slow
// change of topic highlights that a patient can pause (WCAG 2.2.2). Every
// change settles in a sixth of a second, then nothing moves until the next one.
Rectangle {
    id: screen

    required property ContentBridge content
    required property NavigationBridge navigation
    required property LanguageBridge language

    property int highlight: 0
    property bool paused: false

    color: Theme.highContrast ? Theme.background : Theme.accent
    readonly property color inkColor: Theme.highContrast ? Theme.ink : Theme.accentInk

    TapHandler {
        onTapped: screen.navigation.home()
    }

    Column {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.attractWidth)
        spacing: Theme.margin

        DisplayText {
            objectName: "attractClinic"
            width: parent.width
            text: screen.content.clinicName
            font.pixelSize: Theme.attractNameFont
            font.bold: true
            color: screen.inkColor

            // Staff: press and hold the clinic's name for five seconds.
            TapHandler {
                longPressThreshold: 5
                onLongPressed: screen.navigation.openStaff()
            }
        }
        DisplayText {
            width: parent.width
            text: qsTr("Learn about chronic pain and your treatment options")
            font.pixelSize: Theme.attractInviteFont
            color: screen.inkColor
        }
        DisplayText {
            id: highlightText
            objectName: "attractHighlight"
            width: parent.width
            height: Theme.attractHighlightHeight
            text: screen.content.highlights[screen.highlight] || ""
            verticalAlignment: Text.AlignVCenter
            font.pixelSize: Theme.attractHighlightFont
            font.italic: true
            color: screen.inkColor
            // The new line shows at once and settles in a short fade: a few frames every
            // 8 s, not a second of whole-window redraws (on a kiosk drawing in software).
            Behavior on text {
                SequentialAnimation {
                    PropertyAction {}
                    NumberAnimation {
                        target: highlightText; property: "opacity"; from: 0.4; to: 1; duration: 150
                    }
                }
            }
        }
        // Takes the focus as the screen appears: Enter or Space starts, and a
        // screen reader says what this screen is for.
        AbstractButton {
            id: start
            objectName: "attractStart"
            anchors.horizontalCenter: parent.horizontalCenter
            implicitWidth: startLabel.implicitWidth + 2 * Theme.margin
            implicitHeight: Theme.touchTarget * 1.3
            focusPolicy: Qt.TabFocus
            Accessible.name: qsTr("Start: learn about chronic pain and your treatment options")
            Keys.onReturnPressed: click()
            Keys.onEnterPressed: click()
            onClicked: screen.navigation.home()
            Component.onCompleted: forceActiveFocus(Qt.OtherFocusReason)
            contentItem: DisplayText {
                id: startLabel
                verticalAlignment: Text.AlignVCenter  // in the middle of its pill
                text: qsTr("Tap anywhere to start")
                font.pixelSize: Theme.attractStartFont
                font.bold: true
                color: Theme.highContrast ? Theme.accentInk : Theme.accent
                Accessible.ignored: true
            }
            background: Rectangle {
                radius: height / 2
                color: Theme.highContrast ? Theme.accent : Theme.surface
                FocusRing {
                    shown: start.visualFocus
                    cornerRadius: height / 2
                    ringColor: screen.inkColor  // on the attract screen's own colour
                }
            }
        }
    }

    Timer {
        interval: 8000
        repeat: true
        running: !screen.paused && screen.content.highlights.length > 1
        onTriggered: screen.highlight = (screen.highlight + 1) % screen.content.highlights.length
    }

    // "Español": start in the other language at once.
    LanguageButtons {
        anchors { left: parent.left; bottom: parent.bottom; margins: Theme.margin }
        language: screen.language
        ringColor: screen.inkColor
        onChosen: screen.navigation.home()
    }

    KioskButton {
        objectName: "pauseHighlights"
        anchors { right: parent.right; bottom: parent.bottom; margins: Theme.margin }
        text: screen.paused
              //: Button: start the changing topic highlights again
              ? qsTr("Play")
              //: Button: stop the topic highlights from changing
              : qsTr("Pause")
        iconName: screen.paused ? "play" : "pause"
        Accessible.name: screen.paused ? qsTr("Play the highlights") : qsTr("Pause the highlights")
        ringColor: screen.inkColor
        onClicked: screen.paused = !screen.paused
    }
}
