import Testing
import TackJSON
@testable import TackTestSupport

@Suite struct SchemaValidationTests {
  static let schema = Schema([
    "type": "object",
    "properties": [
      "spec": [
        "type": "object", "required": ["url"],
        "properties": [
          "url": ["type": "string", "pattern": "^(http|https|ssh)://.*$"],
          "interval": ["type": "string", "default": "1m"],
          "provider": ["type": "string", "enum": ["generic", "github"], "default": "generic"],
          "replicas": ["type": "integer", "minimum": 1, "maximum": 5],
          "name": ["type": "string", "minLength": 2, "maxLength": 5],
          "tags": ["type": "array", "maxItems": 2, "minItems": 1, "items": ["type": "string"], "x-kubernetes-list-type": "set"],
          "ports": ["type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"],
                    "items": ["type": "object", "properties": ["name": ["type": "string"], "port": ["type": "integer"]]]],
          "timeout": ["x-kubernetes-int-or-string": true, "anyOf": [["type": "integer"], ["type": "string"]]],
          "when": ["type": "string", "format": "date-time"],
          "suspend": ["type": "boolean"],
          "values": ["type": "object", "x-kubernetes-preserve-unknown-fields": true],
          "template": ["type": "object", "x-kubernetes-embedded-resource": true, "x-kubernetes-preserve-unknown-fields": true],
        ],
      ],
    ],
  ])

  func errors(_ spec: JSON) -> [FieldError] {
    Self.schema.validate(["spec": spec], path: "")
  }

  @Test func patternViolationIsWordedLikeKubeOpenAPI() {
    let found = errors(["url": "file:///tmp/repo"])
    #expect(found.map(\.text) == [
      "spec.url: Invalid value: \"file:///tmp/repo\": spec.url in body should match '^(http|https|ssh)://.*$'"
    ])
  }

  @Test func requiredTypeEnumAndBounds() {
    let found = errors(["provider": "gitlab", "replicas": 9, "name": "x", "suspend": "yes"]).map(\.text)
    #expect(found.contains("spec.url: Required value"))
    #expect(found.contains("spec.provider: Unsupported value: \"gitlab\": supported values: \"generic\", \"github\""))
    #expect(found.contains("spec.replicas: Invalid value: 9: spec.replicas in body should be less than or equal to 5"))
    #expect(found.contains("spec.name: Invalid value: \"x\": spec.name in body should be at least 2 chars long"))
    #expect(found.contains("spec.suspend: Invalid value: \"yes\": spec.suspend in body must be of type boolean: \"string\""))
  }

  @Test func maxLengthAndMaxItems() {
    let found = errors(["url": "https://x", "name": "toolong", "tags": ["a", "b", "c"]]).map(\.text)
    #expect(found.contains("spec.name: Too long: may not be more than 5 bytes"))
    #expect(found.contains("spec.tags: Too many: 3: must have at most 2 items"))
  }

  @Test func listTypeSetAndMapRejectDuplicates() {
    let found = errors([
      "url": "https://x", "tags": ["a", "a"],
      "ports": [["name": "http", "port": 80], ["name": "http", "port": 81]],
    ]).map(\.text)
    #expect(found.contains("spec.tags[1]: Duplicate value: \"a\""))
    #expect(found.contains("spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"http\"}"))
  }

  @Test func intOrStringAndFormat() {
    #expect(errors(["url": "https://x", "timeout": 5]).isEmpty)
    #expect(errors(["url": "https://x", "timeout": "5m"]).isEmpty)
    let wrong = errors(["url": "https://x", "timeout": true, "when": "yesterday"]).map(\.text)
    #expect(wrong.contains { $0.hasPrefix("spec.timeout: Invalid value: true: spec.timeout in body must be of type integer,string") })
    #expect(wrong.contains("spec.when: Invalid value: \"yesterday\": spec.when in body must be of type date-time: \"yesterday\""))
  }

  @Test func embeddedResourceNeedsApiVersionAndKind() {
    let found = errors(["url": "https://x", "template": ["metadata": ["name": "x"]]]).map(\.text)
    #expect(found.contains("spec.template.apiVersion: Required value: must not be empty"))
    #expect(found.contains("spec.template.kind: Required value: must not be empty"))
  }

  @Test func defaultsApplyOnlyToAbsentMembers() {
    var object: JSON = ["spec": ["url": "https://x", "interval": "5m"]]
    Self.schema.applyDefaults(&object)
    #expect(object[path: "spec", "interval"] == "5m")
    #expect(object[path: "spec", "provider"] == "generic")
  }

  @Test func pruningDropsUnknownFieldsButKeepsPreservedOnes() {
    var object: JSON = [
      "apiVersion": "x/v1", "kind": "X", "metadata": ["name": "a", "bogus": 1],
      "spec": ["url": "https://x", "extra": true, "values": ["anything": ["goes": 1]]], "other": 1,
    ]
    var unknown: [String] = []
    Self.schema.prune(&object, path: "", isRoot: true, unknown: &unknown)
    #expect(unknown.sorted() == ["metadata.bogus", "other", "spec.extra"])
    #expect(object[path: "spec", "values", "anything", "goes"] == 1)
    #expect(object["apiVersion"] == "x/v1")
    #expect(object[path: "spec", "extra"] == nil)
  }

  @Test func invalidStatusListsEveryCause() {
    let error = APIError.invalid(kind: "GitRepository", group: "source.toolkit.fluxcd.io", name: "repo", causes: [
      FieldError(.invalid, field: "spec.url", value: "\"file://x\"", detail: "spec.url in body should match '^(http|https|ssh)://.*$'"),
      FieldError(.required, field: "spec.interval"),
    ])
    #expect(error.code == 422)
    #expect(error.message == "GitRepository.source.toolkit.fluxcd.io \"repo\" is invalid: [spec.url: Invalid value: \"file://x\": spec.url in body should match '^(http|https|ssh)://.*$', spec.interval: Required value]")
    let causes = error.status[path: "details", "causes"]?.arrayValue ?? []
    #expect(causes.map { $0["field"]?.stringValue } == ["spec.url", "spec.interval"])
    #expect(causes.first?["reason"] == "FieldValueInvalid")
  }
}
