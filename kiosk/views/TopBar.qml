pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// Home, Back, Contact us, text size and contrast: the same on every screen.
Rectangle {
    id: bar

    required property NavigationBridge navigation
    required property DisplayBridge display
    required property SessionBridge session
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
    // words beside its icon: Home, Back, Contact us; then text size, Contrast, I'm done.
    GridLayout {
        id: grid
        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter
                  leftMargin: Theme.margin / 2; rightMargin: Theme.margin / 2 }
        columns: 7
        columnSpacing: bar.compact ? Theme.barGapCompact : Theme.barGap
        rowSpacing: Theme.doneGap  // "I'm done" is well apart from the row above it too

        KioskButton {
            objectName: "homeButton"
            Layout.row: 0
            Layout.column: 0
            text: "Home"
            iconName: "home"
            onClicked: bar.homeRequested()
        }
        KioskButton {
            objectName: "backButton"
            Layout.row: 0
            Layout.column: 1
            text: "Back"
            iconName: "back"
            enabled: bar.navigation.canGoBack
            onClicked: bar.backRequested()
        }
        Item { Layout.row: 0; Layout.column: 2; Layout.fillWidth: true }
        KioskButton {
            objectName: "contactButton"
            Layout.row: 0
            Layout.column: 3
            Layout.columnSpan: bar.compact ? 4 : 1
            Layout.alignment: Qt.AlignRight
            text: "Contact us"
            iconName: "phone"
            // Home and the Contact screen have their own; nowhere else needs two.
            visible: bar.navigation.screen !== bar.navigation.screens.contact
                     && bar.navigation.screen !== bar.navigation.screens.home
            onClicked: bar.navigation.openContact()
        }
        Row {
            Layout.row: bar.compact ? 1 : 0
            Layout.column: bar.compact ? 0 : 4
            Layout.columnSpan: bar.compact ? 3 : 1
            spacing: Theme.gapSmall
            Accessible.role: Accessible.Grouping
            Accessible.name: "Text size"
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
                    Accessible.name: ["Normal text", "Large text", "Largest text"][index]
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
            Layout.column: bar.compact ? 3 : 5
            Layout.columnSpan: bar.compact ? 3 : 1
            Layout.alignment: Qt.AlignRight
            text: "Contrast"
            iconName: "contrast"
            checkable: true
            checked: bar.display.highContrast
            Accessible.name: "High contrast"
            onClicked: bar.display.setHighContrast(checked)
        }
        KioskButton {
            objectName: "doneButton"
            Layout.row: bar.compact ? 1 : 0
            Layout.column: 6
            Layout.leftMargin: Theme.doneGap - grid.columnSpacing  // well apart from Contrast
            text: "I'm done"
            primary: true
            Accessible.name: "I'm done: clear everything and start over"
            onClicked: bar.doneRequested()
        }
    }
}
