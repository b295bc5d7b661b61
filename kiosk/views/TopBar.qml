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

    implicitHeight: Theme.touchTarget + 2 * Theme.barPadding
    color: Theme.surface

    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom }
        height: Theme.line
        color: Theme.border
    }

    RowLayout {
        anchors { fill: parent; leftMargin: Theme.margin / 2; rightMargin: Theme.margin / 2 }
        spacing: bar.compact ? Theme.barGapCompact : Theme.barGap

        KioskButton {
            objectName: "homeButton"
            text: bar.compact ? "" : "Home"
            iconName: "home"
            Accessible.name: "Home"
            onClicked: bar.navigation.home()
        }
        KioskButton {
            objectName: "backButton"
            text: bar.compact ? "" : "Back"
            iconName: "back"
            Accessible.name: "Back"
            enabled: bar.navigation.canGoBack
            opacity: enabled ? 1 : Theme.disabledOpacity
            onClicked: bar.navigation.back()
        }
        Item { Layout.fillWidth: true }
        KioskButton {
            objectName: "contactButton"
            text: "Contact us"
            iconName: "phone"
            // Home and the Contact screen have their own; nowhere else needs two.
            visible: bar.navigation.screen !== bar.navigation.screens.contact
                     && bar.navigation.screen !== bar.navigation.screens.home
            onClicked: bar.navigation.openContact()
        }
        Row {
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
                    implicitWidth: bar.compact ? Theme.compactSizeButton : Theme.touchTarget
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
            text: bar.compact ? "" : "Contrast"
            iconName: "contrast"
            checkable: true
            checked: bar.display.highContrast
            Accessible.name: "High contrast"
            onClicked: bar.display.setHighContrast(checked)
        }
        KioskButton {
            objectName: "doneButton"
            text: "I'm done"
            primary: true
            Accessible.name: "I'm done: clear everything and start over"
            onClicked: bar.session.done()
        }
    }
}
