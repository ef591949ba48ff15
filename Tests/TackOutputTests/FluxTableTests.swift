import TackOutput
import Testing

/// Layouts copied from flux's own golden files (cmd/flux/testdata/get), byte for byte.
@Suite struct FluxTableTests {
  @Test func matchesFluxGoldenForNotReadySources() {
    let table = FluxTable(
      header: ["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"],
      rows: [
        ["gr-failed", "", "False", "False", "failed to checkout and determine revision"],
        ["gr-unknown", "", "False", "Unknown", "reconciliation in progress"],
      ])
    let expected =
      "NAME      \tREVISION\tSUSPENDED\tREADY  \tMESSAGE                                   \n"
      + "gr-failed \t        \tFalse    \tFalse  \tfailed to checkout and determine revision\t\n"
      + "gr-unknown\t        \tFalse    \tUnknown\treconciliation in progress               \t\n"
    #expect(table.render() == expected)
  }

  @Test func matchesFluxGoldenForReadySources() {
    let row = { (name: String) in
      [name, "main@sha1:696f056d", "False", "True", "Fetched revision: main@sha1:696f056d"]
    }
    let table = FluxTable(
      header: ["NAME", "REVISION", "SUSPENDED", "READY", "MESSAGE"],
      rows: [row("podinfo"), row("podinfo-shard1"), row("podinfo-shard2")])
    let expected =
      "NAME          \tREVISION          \tSUSPENDED\tREADY\tMESSAGE                              \n"
      + "podinfo       \tmain@sha1:696f056d\tFalse    \tTrue \tFetched revision: main@sha1:696f056d\t\n"
      + "podinfo-shard1\tmain@sha1:696f056d\tFalse    \tTrue \tFetched revision: main@sha1:696f056d\t\n"
      + "podinfo-shard2\tmain@sha1:696f056d\tFalse    \tTrue \tFetched revision: main@sha1:696f056d\t\n"
    #expect(table.render() == expected)
  }

  @Test func noHeaderKeepsWidthsFromHeader() {
    let table = FluxTable(header: ["NAME", "READY"], rows: [["a", "True"]])
    #expect(table.render(showHeader: false) == "a   \tTrue \t\n")
  }

  @Test func multiLineCellSpansRows() {
    let table = FluxTable(header: ["NAME", "MESSAGE"], rows: [["a", "one\ntwo"]])
    #expect(table.render() == "NAME\tMESSAGE \na   \tone    \t\n    \ttwo    \t\n")
  }

  @Test func wideCharactersCountTwoColumns() {
    #expect(DisplayWidth.of("日本") == 4)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("✔") == 1)
  }
}

@Suite struct ConsoleTests {
  @Test func logLinesUseFluxSymbolsOnStderrOnly() {
    let out = MemorySink()
    let err = MemorySink()
    let console = Console(out: out, err: err, style: .plain)
    console.action("annotating Kustomization podinfo in flux-system namespace")
    console.success("Kustomization annotated")
    console.waiting("waiting for Kustomization reconciliation")
    console.warning("something odd")
    console.failure("boom")
    console.print("data")
    #expect(out.text == "data\n")
    #expect(
      err.text == """
        ► annotating Kustomization podinfo in flux-system namespace
        ✔ Kustomization annotated
        ◎ waiting for Kustomization reconciliation
        ⚠️ something odd
        ✗ boom

        """)
  }
}
