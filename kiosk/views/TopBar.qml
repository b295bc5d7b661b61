pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// Home, Back, the other language, Contact us, text size and contrast: the same on
// every screen.
Rectangle {
    id: bar

    required property NavigationBridge navigation
    required property DisplayBridge display
    required property SessionBridge session
    required property LanguageBridge language
    readonly property bool compact: width < Theme.compactBarWidth

    // The window decides: go at once, or first ask about words typed in the form.
    signal homeRequested()
    signal backRequested()
    signal doneRequested()

    implicitHeight: grid.implicitHeight + 2 * Theme.barPadding
    color: Theme.surface

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.line
        color: Theme.border
    }

    // One row on a wide screen; on a tall one two rows, so every button keeps its
    // words beside its icon: Home, Back, Español, Contact us; then text size, Contrast,
    // I'm done.
    GridLayout {
        id: grid
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                  leftMargin: Theme.margin / 2; rightMargin: Theme.margin / 2 }
        columns: 8
        columnSpacing: bar.compact ? Theme.barGapCompact : Theme.barGap
        rowSpacing: Theme.doneGap  // "I'm done" is well apart from the row above it too

        KioskButton {
            objectName: "homeButton"
            Layout.row: 0
            Layout.column: 0
            //: Button: go to the first screen, with every topic
            text: qsTr("Home")
            iconName: "home"
            onClicked: bar.homeRequested()
        }
        KioskButton {
            objectName: "backButton"
            Layout.row: 0
            Layout.column: 1
            //: Button: go back one screen
            text: qsTr("Back")
            iconName: "back"
            enabled: bar.navigation.canGoBack
            onClicked: bar.backRequested()
        }
        Item { Layout.row: 0; Layout.column: 2; Layout.fillWidth: true }
        LanguageButtons {
            Layout.row: 0
            Layout.column: 3
            language: bar.language
        }
        KioskButton {
            objectName: "contactButton"
            Layout.row: 0
            Layout.column: 4
            Layout.columnSpan: bar.compact ? 4 : 1
            Layout.alignment: Qt.AlignRight
            //: Button: open the screen with the clinic's phone numbers and the request form
            text: qsTr("Contact us")
            iconName: "phone"
            // Home and the Contact screen have their own; nowhere else needs two.
            visible: bar.navigation.screen !== bar.navigation.screens.contact
                     && bar.navigation.screen !== bar.navigation.screens.home
            onClicked: bar.navigation.openContact()
        }
        Row {
            Layout.row: bar.compact ? 1 : 0
            Layout.column: bar.compact ? 0 : 5
            Layout.columnSpan: bar.compact ? 3 : 1
            spacing: Theme.gapSmall
            Accessible.role: Accessible.Grouping
            Accessible.name: qsTr("Text size")
            Repeater {
                model: bar.display.textSteps
                KioskButton {
                    id: sizeButton
                    required property int index
                    objectName: "textSize" + index
                    text: "A"
                    implicitWidth: Theme.touchTarget
                    checkable: true
                    checked: bar.display.textStep === index
                    Accessible.name: [qsTr("Normal text"), qsTr("Large text"), qsTr("Largest text")][index]
                    contentItem: ButtonLabel {
                        text: "A"
                        font.pixelSize: Theme.sizeButtonFonts[sizeButton.index]
                        color: sizeButton.inkColor
                    }
                    onClicked: bar.display.setTextStep(index)
                }
            }
        }
        KioskButton {
            objectName: "contrastButton"
            Layout.row: bar.compact ? 1 : 0
            Layout.column: bar.compact ? 3 : 6
            Layout.columnSpan: bar.compact ? 4 : 1
            Layout.alignment: Qt.AlignRight
            //: Button: turn high-contrast colours on or off
            text: qsTr("Contrast")
            iconName: "contrast"
            checkable: true
            checked: bar.display.highContrast
            Accessible.name: qsTr("High contrast")
            onClicked: bar.display.setHighContrast(checked)
        }
        KioskButton {
            objectName: "doneButton"
            Layout.row: bar.compact ? 1 : 0
            Layout.column: 7
            Layout.leftMargin: Theme.doneGap - grid.columnSpacing  // well apart from Contrast
            //: Button: clear everything and start over for the next patient
            text: qsTr("I'm done")
            primary: true
            Accessible.name: qsTr("I'm done: clear everything and start over")
            onClicked: bar.doneRequested()
        }
    }
}
