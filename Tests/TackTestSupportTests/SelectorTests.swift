import Testing
import TackJSON
@testable import TackTestSupport

@Suite struct SelectorTests {
  let labels: JSONObject = ["app": "web", "tier": "frontend", "env": "prod"]

  @Test(arguments: [
    ("app=web", true), ("app==web", true), ("app!=web", false), ("app!=db", true),
    ("tier in (frontend,backend)", true), ("tier notin (frontend)", false), ("env", true), ("!env", false),
    ("!missing", true), ("missing", false), ("app=web,tier=backend", false), ("app=web, env in (prod)", true),
    ("missing!=x", true), ("missing in (x)", false), ("missing notin (x)", true),
  ])
  func labelSelector(_ text: String, _ expected: Bool) throws {
    #expect(try LabelSelector(parsing: text).matches(labels) == expected)
  }

  @Test func badLabelSelectorIsBadRequest() {
    #expect(throws: APIError.self) { try LabelSelector(parsing: "app in web") }
    do throws(APIError) {
      _ = try LabelSelector(parsing: "a b")
      Issue.record("expected an error")
    } catch {
      #expect(error.code == 400)
    }
  }

  @Test func fieldSelectorsForEvents() throws {
    let event: JSON = ["metadata": ["name": "e1", "namespace": "ns"], "involvedObject": ["kind": "Kustomization", "name": "apps"],
                       "reason": "ReconciliationSucceeded", "type": "Normal"]
    let type = BuiltinResources.all.first { $0.kind == "Event" && $0.group.isEmpty }!
    #expect(try FieldSelector(parsing: "involvedObject.kind=Kustomization,involvedObject.name=apps").matches(event, type: type))
    #expect(try FieldSelector(parsing: "reason!=ReconciliationSucceeded").matches(event, type: type) == false)
    #expect(try FieldSelector(parsing: "type=Normal,metadata.namespace=ns").matches(event, type: type))
  }

  @Test func unsupportedFieldSelectorIsRejectedAsTheRealServerWordsIt() throws {
    let custom = ResourceType(group: "x.io", version: "v1", kind: "Thing", plural: "things", isCustom: true)
    do throws(APIError) {
      try FieldSelector(parsing: "spec.url=x").check(for: custom)
      Issue.record("expected an error")
    } catch {
      #expect(error.message == "\"spec.url\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"")
    }
  }
}
