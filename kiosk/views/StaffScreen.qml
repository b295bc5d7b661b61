pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// For clinic staff: a PIN pad, then the kiosk's state and a few actions.
// Leaving the screen (Home, Back, or the idle reset) locks it again.
Item {
    id: screen

    required property StaffBridge staff
    required property NavigationBridge navigation

    property string typed: ""  // the PIN being typed; gone with the screen

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: column
            width: Math.min(parent.width - 2 * Theme.margin, Theme.staffWidth)
            x: (parent.width - width) / 2
            y: Theme.margin
            spacing: Theme.spacing

            ScreenTitle {
                Layout.fillWidth: true
                announce: true
                text: screen.staff.unlocked ? "Staff" : "Staff PIN"
            }
            BodyText {
                objectName: "staffMessage"
                Layout.fillWidth: true
                visible: text !== ""
                text: screen.staff.message
                font.bold: true
                color: Theme.alertInk
            }

            // The PIN pad.
            Text {
                objectName: "pinDots"
                visible: !screen.staff.unlocked
                Layout.alignment: Qt.AlignHCenter
                text: screen.typed.length > 0 ? "●".repeat(screen.typed.length) : " "
                font.pixelSize: Theme.pinDotsFont
                color: Theme.ink
                Accessible.name: screen.typed.length + " digits typed"
            }
            GridLayout {
                visible: !screen.staff.unlocked
                Layout.alignment: Qt.AlignHCenter
                columns: 3
                rowSpacing: Theme.pinKeyGap
                columnSpacing: Theme.pinKeyGap
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "delete", "0", "open"]
                    KioskButton {
                        required property string modelData
                        objectName: "pin_" + modelData
                        Layout.preferredWidth: Theme.pinKeyWidth
                        Layout.preferredHeight: Theme.pinKeyHeight
                        primary: modelData === "open"
                        text: modelData === "delete" ? "Delete" : modelData === "open" ? "Open"
                                                                                        : modelData
                        onClicked: {
                            if (modelData === "delete") {
                                screen.typed = screen.typed.slice(0, -1)
                            } else if (modelData === "open") {
                                screen.staff.tryPin(screen.typed)
                                screen.typed = ""
                            } else if (screen.typed.length < 12) {
                                screen.typed += modelData
                            }
                        }
                    }
                }
            }

            // The panel, once the PIN is right.
            // What needs attention first, then the facts (kiosk.health.text).
            Repeater {
                model: screen.staff.unlocked ? (screen.staff.state.problems || []) : []
                BodyText {
                    required property string modelData
                    objectName: "staffProblem"
                    Layout.fillWidth: true
                    text: modelData
                    font.bold: true
                    color: Theme.alertInk
                    Accessible.role: Accessible.StaticText
                    Accessible.name: modelData
                }
            }
            Repeater {
                model: screen.staff.unlocked ? (screen.staff.state.facts || []) : []
                ColumnLayout {
                    id: fact
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: Theme.gapTiny
                    Caption {
                        text: fact.modelData[0]
                        font.bold: true
                        wrapMode: Text.NoWrap
                    }
                    BodyText {
                        objectName: "staffFact"
                        Layout.fillWidth: true
                        text: fact.modelData[1]
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.StaticText
                        Accessible.name: fact.modelData[0] + ": " + fact.modelData[1]
                    }
                }
            }
            BodyText {
                visible: screen.staff.unlocked
                text: "Export contact requests to:"
                font.bold: true
                wrapMode: Text.NoWrap
            }
            BodyText {
                visible: screen.staff.unlocked && (screen.staff.state.folders || []).length === 0
                Layout.fillWidth: true
                text: "No USB stick found. Plug one in, then tap Refresh."
                color: Theme.muted
            }
            Repeater {
                model: screen.staff.unlocked ? (screen.staff.state.folders || []) : []
                KioskButton {
                    required property string modelData
                    objectName: "exportTo"
                    Layout.fillWidth: true
                    text: modelData
                    onClicked: screen.staff.exportTo(modelData)
                }
            }
            StaffUsage {
                Layout.fillWidth: true
                visible: screen.staff.unlocked
                staff: screen.staff
            }
            BodyText {
                visible: screen.staff.unlocked
                text: "Content update from USB:"
                font.bold: true
                wrapMode: Text.NoWrap
            }
            BodyText {
                visible: screen.staff.unlocked && (screen.staff.state.updates || []).length === 0
                Layout.fillWidth: true
                text: "No .kbundle file on a USB stick."
                color: Theme.muted
                wrapMode: Text.NoWrap
            }
            Repeater {
                model: screen.staff.unlocked ? (screen.staff.state.updates || []) : []
                KioskButton {
                    required property string modelData
                    objectName: "previewUpdate"
                    Layout.fillWidth: true
                    text: "See what " + modelData.split("/").pop() + " changes"
                    onClicked: screen.staff.previewUpdate(modelData)
                }
            }
            Caption {
                objectName: "updatePreview"
                visible: screen.staff.unlocked && screen.staff.state.preview !== undefined
                         && screen.staff.state.preview.headline !== undefined
                Layout.fillWidth: true
                text: visible ? screen.staff.state.preview.headline + "\n"
                                + screen.staff.state.preview.lines.join("\n") : ""
                color: Theme.ink
            }
            KioskButton {
                objectName: "installUpdate"
                visible: screen.staff.unlocked && screen.staff.state.preview !== undefined
                         && screen.staff.state.preview.headline !== undefined
                Layout.fillWidth: true
                primary: true
                text: "Install this update"
                onClicked: screen.staff.installPreviewed()
            }
            Flow {
                visible: screen.staff.unlocked
                Layout.fillWidth: true
                spacing: Theme.spacing
                KioskButton {
                    objectName: "staffRollBack"
                    visible: screen.staff.state.canRollBack === true
                    text: "Roll back content"
                    onClicked: screen.staff.rollBack()
                }
                KioskButton {
                    objectName: "staffRefresh"
                    text: "Refresh"
                    onClicked: screen.staff.refresh()
                }
                KioskButton {
                    objectName: "staffRestart"
                    text: "Restart kiosk"
                    onClicked: screen.staff.restart()
                }
                KioskButton {
                    objectName: "staffExit"
                    text: "Exit kiosk"
                    onClicked: screen.staff.exitKiosk()
                }
                KioskButton {
                    objectName: "staffClose"
                    primary: true
                    text: "Close staff screen"
                    onClicked: screen.navigation.home()
                }
            }
            Caption {
                visible: screen.staff.unlocked
                text: "Recent log"
                font.bold: true
                wrapMode: Text.NoWrap
            }
            CodeText {
                objectName: "staffLog"
                visible: screen.staff.unlocked
                Layout.fillWidth: true
                text: (screen.staff.state.log || []).join("\n")
            }
        }
    }
}
