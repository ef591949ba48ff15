import TackCore
import TackTestSupport
import Testing

/// The redraw bytes, checked on a tiny terminal model that understands exactly the sequences a
/// real terminal would get (`ESC[nF`, `ESC[K`, `ESC[J`, newline).
@Suite struct LiveFrameTests {
  @Test func redrawsInPlaceWithoutStaleLines() {
    var frame = LiveFrame()
    var screen = TerminalScreen()
    screen.feed("$ tack canary status podinfo --watch\n")
    screen.feed(frame.update(["Status: Progressing", "Weight: 10% with a long tail", "History:", "  a", "  b"]))
    screen.feed(frame.update(["Status: Progressing", "Weight: 20%", "History:", "  a", "  b", "  c"]))
    #expect(screen.lines == ["$ tack canary status podinfo --watch", "Status: Progressing", "Weight: 20%", "History:", "  a", "  b", "  c"])
    // a shorter frame clears what the longer one left below it
    screen.feed(frame.update(["Status: Succeeded", "Weight: 0%"]))
    #expect(screen.lines == ["$ tack canary status podinfo --watch", "Status: Succeeded", "Weight: 0%"])
    #expect(Set(screen.escapes).isSubset(of: ["F", "K", "J"]), "only cursor-up and clear sequences")
  }

  @Test func unchangedFrameWritesNothing() {
    var frame = LiveFrame()
    _ = frame.update(["a", "b"])
    #expect(frame.update(["a", "b"]) == "")
    #expect(frame.update(["a", "c"]) == "\u{1B}[2Fa\u{1B}[K\nc\u{1B}[K\n")
  }

  @Test func neverBlanksTheScreenBeforeDrawing() {
    var frame = LiveFrame()
    _ = frame.update(["one", "two", "three"])
    let bytes = frame.update(["uno", "dos"])
    // no full-screen clear (ESC[2J) and no clearing before the first line is written
    #expect(!bytes.contains("\u{1B}[2J"))
    #expect(bytes.hasPrefix("\u{1B}[3Funo"))
  }
}
