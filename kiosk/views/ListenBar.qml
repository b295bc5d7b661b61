pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk

// Read this aloud: Listen (then Pause or Resume) and Stop, the pace (normal or slower),
// and while it reads, the sentence being said in large type in a band below. Shown only
// where the kiosk has a voice for the content's language.
ColumnLayout {
    id: bar

    required property SpeechBridge speech
    required property string key  // which text this is, e.g. "page:opioids"
    required property var sentences  // what is read, in order

    readonly property bool mine: speech.reading === key && speech.state !== speech.states.idle
    readonly property bool paused: mine && speech.state === speech.states.paused
    readonly property Item firstButton: listenButton  // where a keyboard's focus comes in

    objectName: "listenBar"
    // No voice, or nothing to read in the voice's language (a page shown untranslated).
    visible: speech.available && sentences.length > 0
    spacing: Theme.gapMedium

    Flow {
        Layout.fillWidth: true
        spacing: Theme.gapMedium

        // One button that changes, so a keyboard's focus stays on it.
        KioskButton {
            id: listenButton
            objectName: "listenButton"
            //: Button: read this text aloud
            text: !bar.mine ? qsTr("Listen")
                  //: Button: go on reading aloud after a pause
                  : bar.paused ? qsTr("Resume")
                  //: Button: stop reading aloud for now, to go on later
                  : qsTr("Pause")
            iconName: !bar.mine ? "listen" : bar.paused ? "play" : "pause"
            primary: !bar.mine
            Accessible.name: !bar.mine ? qsTr("Listen: read this aloud")
                             : bar.paused ? qsTr("Resume reading aloud") : qsTr("Pause reading aloud")
            onClicked: {
                if (!bar.mine)
                    bar.speech.read(bar.key, bar.sentences)
                else if (bar.paused)
                    bar.speech.resume()
                else
                    bar.speech.pause()
            }
        }
        KioskButton {
            objectName: "stopButton"
            visible: bar.mine
            //: Button: stop reading aloud
            text: qsTr("Stop")
            iconName: "stop"
            Accessible.name: qsTr("Stop reading aloud")
            onClicked: bar.speech.stop()
        }
        Row {
            spacing: Theme.gapSmall
            leftPadding: Theme.gapMedium  // apart from Listen and Stop
            Accessible.role: Accessible.Grouping
            Accessible.name: qsTr("Reading pace")
            BodyText {
                anchors.verticalCenter: parent.verticalCenter
                rightPadding: Theme.gapSmall
                //: Label before the Normal and Slower buttons: how fast the voice reads
                text: qsTr("Pace")
                wrapMode: Text.NoWrap
                Accessible.ignored: true  // the group says it
            }
            Repeater {
                model: [false, true]  // slower?
                KioskButton {
                    required property bool modelData
                    objectName: modelData ? "paceSlower" : "paceNormal"
                    //: Button: read aloud more slowly
                    text: modelData ? qsTr("Slower")
                          //: Button: read aloud at the usual pace
                          : qsTr("Normal")
                    checked: bar.speech.slower === modelData  // not checkable: a tap sets it
                    Accessible.name: modelData ? qsTr("Slower reading pace") : qsTr("Normal reading pace")
                    Accessible.checkable: true
                    Accessible.checked: checked
                    onClicked: bar.speech.setSlower(modelData)
                }
            }
        }
    }

    Rectangle {
        objectName: "nowReading"
        Layout.fillWidth: true
        visible: bar.mine
        implicitHeight: band.implicitHeight + 2 * Theme.boxPadding
        color: Theme.nowReadingFill
        radius: Theme.radiusSmall
        border.width: Theme.line
        border.color: Theme.nowReadingBorder

        ColumnLayout {
            id: band
            x: Theme.boxPadding
            y: Theme.boxPadding
            width: parent.width - 2 * Theme.boxPadding
            spacing: Theme.gapSmall

            Caption {
                objectName: "nowReadingPlace"
                Layout.fillWidth: true
                text: (bar.paused ? qsTr("Paused at sentence %1 of %2")
                                  : qsTr("Reading sentence %1 of %2"))
                      .arg(bar.speech.sentenceNumber).arg(bar.speech.sentenceCount)
            }
            BodyText {
                objectName: "nowReadingSentence"
                Layout.fillWidth: true
                text: bar.speech.sentence
                font.pixelSize: Theme.nowReadingFont
                font.bold: true
            }
        }
    }
}
