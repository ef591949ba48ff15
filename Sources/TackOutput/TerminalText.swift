/// Text from a server (condition and event messages, git `remote:` lines, any field of an API
/// object) made safe to print on a terminal: control characters and escape sequences are removed,
/// so an object's author cannot retitle the window (`ESC]0;…BEL`), clear the screen (`ESC[2J`),
/// move the cursor over earlier output or hide text from the person reading it.
///
/// Removed: C0 controls except newline and tab, DEL, C1 controls, and whole escape sequences: CSI
/// (`ESC[` or U+009B, parameters, one final byte), OSC/DCS/SOS/PM/APC strings (up to BEL, `ESC\` or
/// U+009C), and two-byte escapes. Applied by the table renderer and by every line `Console`,
/// `ConsoleProgress` and `LiveLine` print; never to JSON or YAML output, which stays byte-exact.
public enum TerminalText {
  /// `text` without control characters or escape sequences; `text` itself when it has none.
  public static func sanitize(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    var pending = scalars.next()
    while let scalar = pending {
      pending = scalars.next()
      switch scalar.value {
      case 0x1B:
        // ESC: what follows says which sequence this is.
        guard let next = pending else { break }
        pending = scalars.next()
        switch next {
        case "[": skipCSI(&scalars, &pending)
        case "]", "P", "X", "^", "_": skipString(&scalars, &pending)
        default:
          // Two-byte escapes (ESC 7, ESC c, ESC ( B …): intermediates, then one final byte.
          var current: Unicode.Scalar? = next
          while let c = current, (0x20...0x2F).contains(c.value) {
            current = pending
            pending = scalars.next()
          }
        }
      case 0x9B: skipCSI(&scalars, &pending)
      case 0x9D, 0x90, 0x98, 0x9E, 0x9F: skipString(&scalars, &pending)
      case 0x0A, 0x09: result.append(scalar)
      default:
        if !isControl(scalar) { result.append(scalar) }
      }
    }
    return String(result)
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
  }

  /// Parameters and intermediates (0x20–0x3F), then one final byte (0x40–0x7E); a stray control
  /// or any other character ends it too.
  private static func skipCSI(
    _ scalars: inout String.UnicodeScalarView.Iterator, _ pending: inout Unicode.Scalar?
  ) {
    while let c = pending {
      pending = scalars.next()
      if !(0x20...0x3F).contains(c.value) { return }
    }
  }

  /// Up to BEL, ST (`ESC\`) or U+009C; an unterminated string runs to the end of the text.
  private static func skipString(
    _ scalars: inout String.UnicodeScalarView.Iterator, _ pending: inout Unicode.Scalar?
  ) {
    while let c = pending {
      pending = scalars.next()
      if c.value == 0x07 || c.value == 0x9C { return }
      if c.value == 0x1B {
        if pending == "\\" { pending = scalars.next() }
        return
      }
    }
  }
}
