pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The guided tour: one page a step, big Back and Next, swipe to move.
// The contact page, when it is a step, shows the clinic's details.
Item {
    id: screen

    required property ContentBridge content
    required property NavigationBridge navigation
    required property ContactFormBridge form
    required property SpeechBridge speech
    required property UsageBridge usage
    required property string pageId
    required property int step

    readonly property int steps: navigation.tourLength
    readonly property bool last: step + 1 >= steps

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: progress.implicitHeight + Theme.spacing * 1.5
            color: Theme.background
            RowLayout {
                id: progress
                anchors.centerIn: parent
                spacing: Theme.spacing
                BodyText {
                    objectName: "tourStep"
                    text: qsTr("Step %1 of %2").arg(screen.step + 1).arg(screen.steps)
                    font.bold: true
                    wrapMode: Text.NoWrap
                }
                Row {
                    spacing: Theme.tourDotGap
                    Accessible.ignored: true
                    Repeater {
                        model: screen.steps
                        Rectangle {
                            required property int index
                            width: Theme.tourDot; height: Theme.tourDot; radius: Theme.tourDot / 2
                            color: index <= screen.step ? Theme.accent : "transparent"
                            border.width: Theme.line
                            border.color: index <= screen.step ? Theme.accent : Theme.border
                        }
                    }
                }
            }
        }

        Loader {
            id: stepView
            Layout.fillWidth: true
            Layout.fillHeight: true
            sourceComponent: screen.pageId === screen.content.contactPageId ? contactStep : pageStep

            // On the page's parent, not an item over it (one over it took every tap, so
            // nothing on a step could be tapped): a tap reaches the page, and a finger
            // that moves sideways is taken over from it.
            DragHandler {
                id: swipe
                // The sideways distance of the drag under way; the handler
                // resets its own translation when the finger lifts.
                property real distance: 0
                target: null
                xAxis.enabled: true
                yAxis.enabled: false
                grabPermissions: PointerHandler.CanTakeOverFromItems
                onActiveTranslationChanged: if (active) distance = activeTranslation.x
                onActiveChanged: {
                    if (active) {
                        distance = 0
                        return
                    }
                    if (distance < -Theme.swipeDistance)
                        screen.navigation.nextStep()
                    else if (distance > Theme.swipeDistance)
                        screen.navigation.previousStep()
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Theme.touchTarget * 1.3 + 2 * Theme.spacing
            color: Theme.surface
            Rectangle { width: parent.width; height: Theme.line; color: Theme.border }

            RowLayout {
                anchors { fill: parent; margins: Theme.spacing; leftMargin: Theme.margin; rightMargin: Theme.margin }
                spacing: Theme.margin
                KioskButton {
                    objectName: "tourBack"
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.tourButtonWidth
                    //: Button: go back one step of the guided tour
                    text: qsTr("Back")
                    iconName: "back"
                    enabled: screen.step > 0
                    onClicked: screen.navigation.previousStep()
                }
                Item { Layout.fillWidth: true }
                KioskButton {
                    objectName: "tourNext"
                    Layout.fillHeight: true
                    Layout.preferredWidth: Theme.tourButtonWidth
                    primary: true
                    //: Button: end the guided tour and go to the first screen
                    text: screen.last ? qsTr("Finish")
                          //: Button: go on to the next step of the guided tour
                          : qsTr("Next")
                    iconName: screen.last ? "home" : "next"
                    onClicked: screen.last ? screen.navigation.home() : screen.navigation.nextStep()
                }
            }
        }
    }

    Component {
        id: pageStep
        PageView {
            content: screen.content
            navigation: screen.navigation
            speech: screen.speech
            usage: screen.usage
            pageId: screen.pageId
        }
    }
    Component {
        id: contactStep
        ContactView {
            content: screen.content
            navigation: screen.navigation
            form: screen.form
            speech: screen.speech
        }
    }
}
