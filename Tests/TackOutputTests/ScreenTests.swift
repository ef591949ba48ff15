import Testing

@testable import TackOutput

/// The cell grid, the frame encoder, the key decoder and colour detection: everything of the
/// full-screen layer that needs no terminal.
@Suite struct FrameTests {
  @Test func wideCharactersTakeTwoCellsAndCombiningMarksNone() {
    var frame = Frame(width: 10, height: 1)
    let used = frame.put("界a🚀e\u{301}", row: 0, column: 0)
    #expect(used == 6)
    #expect(frame[0, 0].width == 2 && frame[0, 1].width == 0)
    #expect(frame[0, 3].width == 2 && frame[0, 4].width == 0)
    #expect(frame[0, 5].text == "e\u{301}")
    #expect(frame.textLines == ["界a🚀e\u{301}"])
  }

  @Test func textLongerThanItsRoomEndsWithAnEllipsisWithinTheWidth() {
    var frame = Frame(width: 8, height: 1)
    frame.put("podinfo-canary", row: 0, column: 0, limit: 6)
    #expect(frame.textLines == ["podin…"])
    var wide = Frame(width: 8, height: 1)
    // A wide character that would straddle the limit is not drawn in half.
    wide.put("ab界界界", row: 0, column: 0, limit: 5)
    #expect(wide.textLines == ["ab界…"])
  }

  @Test func serverTextCannotDrawEscapeSequences() {
    var frame = Frame(width: 30, height: 1)
    frame.put("ok\u{1B}]0;owned\u{07}\u{1B}[2Jdone\nnext", row: 0, column: 0)
    #expect(frame.textLines == ["okdone next"])
  }

  @Test func overwritingHalfAWideCellBlanksTheOtherHalf() {
    var frame = Frame(width: 4, height: 1)
    frame.put("界", row: 0, column: 0)
    frame.put("x", row: 0, column: 1)
    #expect(frame.textLines == [" x"])
  }
}

@Suite struct FrameEncoderTests {
  func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  @Test func theFirstFrameIsWholeAndSynchronized() {
    var encoder = FrameEncoder(depth: .ansi16)
    var frame = Frame(width: 4, height: 2)
    frame.put("ok", row: 0, column: 0, style: .colored(.green))
    let out = text(encoder.encode(frame))
    #expect(out.hasPrefix("\u{1B}[?2026h"))
    #expect(out.hasSuffix("\u{1B}[?2026l"))
    #expect(out.contains("\u{1B}[1;1H\u{1B}[0;32mok"))
    #expect(out.contains("\u{1B}[2;1H"))
  }

  @Test func anUnchangedFrameCostsNothingAndAChangeOnlyItsRun() {
    var encoder = FrameEncoder(depth: .ansi16)
    var frame = Frame(width: 20, height: 3)
    frame.put("replicas 1/3", row: 1, column: 2)
    _ = encoder.encode(frame)
    #expect(encoder.encode(frame).isEmpty)
    frame.put("2", row: 1, column: 11)
    let out = text(encoder.encode(frame))
    #expect(out == "\u{1B}[?2026h\u{1B}[2;12H\u{1B}[0m2\u{1B}[0m\u{1B}[?2026l")
  }

  @Test func aChangeNextToAWideCharacterRedrawsTheWholeCharacter() {
    var encoder = FrameEncoder(depth: .none)
    var frame = Frame(width: 6, height: 1)
    frame.put("a界b", row: 0, column: 0)
    _ = encoder.encode(frame)
    frame.put("界", row: 0, column: 1, style: .bold)
    let out = text(encoder.encode(frame))
    #expect(out.contains("\u{1B}[1;2H\u{1B}[0;1m界"))
  }

  @Test func colourFollowsTheDepth() {
    var frame = Frame(width: 3, height: 1)
    frame.put("✖", row: 0, column: 0, style: CellStyle(color: .red, bold: true))
    var none = FrameEncoder(depth: .none)
    #expect(text(none.encode(frame)).contains("\u{1B}[0;1m✖"))
    var c256 = FrameEncoder(depth: .ansi256)
    #expect(text(c256.encode(frame)).contains("\u{1B}[0;1;38;5;203m✖"))
    var truecolor = FrameEncoder(depth: .trueColor)
    #expect(text(truecolor.encode(frame)).contains("38;2;240;98;98m✖"))
  }

  @Test func aResizeOrInvalidateRepaintsEverything() {
    var encoder = FrameEncoder(depth: .none)
    var frame = Frame(width: 3, height: 1)
    frame.put("abc", row: 0, column: 0)
    _ = encoder.encode(frame)
    encoder.invalidate()
    #expect(text(encoder.encode(frame)).contains("\u{1B}[2J"))
    #expect(text(encoder.encode(Frame(width: 4, height: 1))).contains("\u{1B}[2J"))
  }
}

@Suite struct KeyDecoderTests {
  @Test func arrowsInBothSpellingsAndSplitAcrossReads() {
    var decoder = KeyDecoder()
    #expect(decoder.feed(Array("\u{1B}[A\u{1B}OB".utf8)) == [.up, .down])
    #expect(decoder.feed([0x1B, UInt8(ascii: "[")]) == [])
    #expect(decoder.isWaiting)
    #expect(decoder.feed([UInt8(ascii: "C")]) == [.right])
    #expect(decoder.feed(Array("\u{1B}[5~\u{1B}[6~\u{1B}[1~\u{1B}[4~\u{1B}[Z".utf8)) == [.pageUp, .pageDown, .home, .end, .backTab])
  }

  @Test func controlBytesAndText() {
    var decoder = KeyDecoder()
    #expect(decoder.feed([0x03, 0x0D, 0x7F, 0x09]) == [.control("c"), .enter, .backspace, .tab])
    #expect(decoder.feed(Array("j/界".utf8)) == [.character("j"), .character("/"), .character("界")])
    // A UTF-8 character split between two reads.
    let bytes = Array("é".utf8)
    #expect(decoder.feed([bytes[0]]) == [])
    #expect(decoder.feed([bytes[1]]) == [.character("é")])
  }

  @Test func aLoneEscapeIsEscapeOnceTheInputIsQuiet() {
    var decoder = KeyDecoder()
    #expect(decoder.feed([0x1B]) == [])
    #expect(decoder.flushEscape() == [.escape])
    #expect(!decoder.isWaiting)
  }
}

@Suite struct ColorDepthTests {
  @Test func detection() {
    #expect(ColorDepth.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"]) == .none)
    #expect(ColorDepth.detect(environment: ["NO_COLOR": "", "TERM": "xterm-256color"]) == .ansi256)
    #expect(ColorDepth.detect(environment: ["COLORTERM": "24bit", "TERM": "xterm"]) == .trueColor)
    #expect(ColorDepth.detect(environment: ["TERM": "tmux-256color"]) == .ansi256)
    #expect(ColorDepth.detect(environment: ["TERM": "linux"]) == .ansi16)
    #expect(ColorDepth.detect(environment: [:]) == .ansi16)
  }
}
