pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// The guided tour, a tile per topic and Contact us, all without scrolling.
// Tall screens stack them; wide screens put the tour beside the tiles.
Item {
    id: screen

    required property ContentBridge content
    required property NavigationBridge navigation
    required property UsageBridge usage

    readonly property bool wide: width > height
    // The tour's pages, made ready while the patient looks at Home.
    Component.onCompleted: content.readAhead("tour")

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        columns: screen.wide ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: screen.wide ? parent.width * 0.36 : parent.width
            Layout.fillHeight: screen.wide
            spacing: Theme.spacing

            ScreenTitle {
                Layout.fillWidth: true
                announce: true
                text: screen.content.title
            }
            BodyText {
                Layout.fillWidth: true
                objectName: "privacyLine"
                // What the kiosk keeps, said plainly: counts per page (kiosk.usage), or nothing.
                text: screen.usage.asking
                      ? qsTr("Read at your own pace. We count how often each page is read, never who reads it.")
                      : qsTr("Read at your own pace. What you read here is not recorded.")
                color: Theme.muted
            }
            KioskButton {
                objectName: "startTour"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget * 1.4
                Layout.topMargin: Theme.spacing
                primary: true
                visible: screen.navigation.tourLength > 0
                text: qsTr("Start the guided tour")
                iconName: "next"
                onClicked: screen.navigation.startTour()
            }
            Item { Layout.fillHeight: true; visible: screen.wide }
            KioskButton {
                objectName: "homeContact"
                Layout.fillWidth: true
                visible: screen.wide
                //: Button: open the screen with the clinic's phone numbers and the request form
                text: qsTr("Contact us")
                iconName: "phone"
                onClicked: screen.navigation.openContact()
            }
        }

        GridLayout {
            id: tiles
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: screen.wide ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            Repeater {
                id: topicTiles
                model: screen.content.topics
                TopicTile {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1000  // a weight, not a size: equal shares of the row
                    Layout.preferredHeight: 1000  // a weight, not a size
                    Layout.minimumHeight: Theme.touchTarget
                    Layout.columnSpan: screen.wide && index === topicTiles.count - 1
                                       && index % 2 === 0 ? 2 : 1
                    required property int index
                    onClicked: screen.navigation.openTopic(topicId)
                }
            }
        }

        KioskButton {
            objectName: "homeContactTall"
            Layout.fillWidth: true
            visible: !screen.wide
            text: qsTr("Contact us")
            iconName: "phone"
            onClicked: screen.navigation.openContact()
        }
    }
}
