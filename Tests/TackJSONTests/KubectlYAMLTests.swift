import TackJSON
import Testing

/// `YAMLWriteOptions.kubectl` against what kubectl's printer (Go's YAML encoder) writes.
@Suite struct KubectlYAMLTests {
  @Test(arguments: [
    "2026-08-07T16:50:15Z", "2026-08-07T16:50:15.123456Z", "2026-08-07T18:50:15+02:00", "2026-08-07",
    "2026-8-7 1:2:3", "1:30", "-2:10:05.5", "190:20:30",
  ])
  func timestampsAndSexagesimalsAreQuoted(_ text: String) throws {
    let yaml = JSON.object(["t": .string(text)]).yaml(.kubectl)
    #expect(yaml == "t: \"\(text)\"\n")
    #expect(try JSON.parseYAML(yaml)["t"] == .string(text))
  }

  @Test(arguments: ["2026-08-07x", "v2026-08-07", "12:345", "1:60", "main@sha1:696f056d", "10m0s"])
  func otherTextStaysPlain(_ text: String) {
    #expect(JSON.object(["t": .string(text)]).yaml(.kubectl) == "t: \(text)\n")
  }

  @Test func longScalarsFoldAtEightyColumnsAndReadBack() throws {
    let message =
      "kustomize build failed: accumulating resources: 'infra/missing.yaml': no such file or directory"
    let object: JSON = ["status": ["conditions": [["message": .string(message)]]]]
    let yaml = object.yaml(.kubectl)
    // What kubectl prints for this object, byte for byte.
    #expect(
      yaml == """
        status:
          conditions:
          - message: 'kustomize build failed: accumulating resources: ''infra/missing.yaml'':
              no such file or directory'

        """)
    #expect(try JSON.parseYAML(yaml) == object)
  }
}
