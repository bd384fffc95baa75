import NotebookProtocol
import Testing

@testable import NotebookRuntime

/// Rules built in chapter code and evaluated by the host's evaluator.
struct RuleEvaluationTests {
    static func evaluate(_ rule: Rule, _ evidence: KeyValuePairs<String, Value>) throws -> RuleEvaluator.Outcome {
        try RuleEvaluator(evidence: evidence.map { Evidence($0.key, $0.value) }).evaluate(rule)
    }

    @Test func aComparisonIsWrittenWithItsNumbersAndItsRelativeMargin() throws {
        let outcome = try Self.evaluate(Ev("after") > Ev("before"), ["after": 12.3, "before": 15.1])
        #expect(!outcome.holds)
        #expect(outcome.explanation == "after 12.3 > before 15.1")
        // |12.3 − 15.1| / 15.1
        #expect(abs((outcome.margin ?? 0) - 2.8 / 15.1) < 1e-12)
        #expect((Ev("after") > Ev("before")).description == "after > before")
    }

    @Test func arithmeticAndFunctionsAreEvaluatedAndShown() throws {
        let rule = abs(Ev("a") - Ev("b")) / Ev("b") <= 0.05
        let outcome = try Self.evaluate(rule, ["a": 1.02, "b": 1.0])
        #expect(outcome.holds)
        #expect(rule.description == "abs(a − b) / b ≤ 0.05")
        #expect(outcome.explanation.hasPrefix("abs(a − b) / b = 0.02 [a 1.02, b 1] ≤ 0.05"))
        #expect(try Self.evaluate(max(Ev("a"), Ev("b")) >= 2, ["a": 1, "b": 3]).holds)
        #expect(try !Self.evaluate(min(Ev("a"), Ev("b")) >= 2, ["a": 1, "b": 3]).holds)
        #expect(try Self.evaluate(-Ev("a") < 0, ["a": 1]).holds)
    }

    @Test func andOrNotCombineAndTheirMarginsFollowWhatWouldFlipThem() throws {
        let close = Ev("x") > 1.0     // x = 1.01: holds by 1 %
        let far = Ev("y") > 1.0       // y = 2: holds by 50 %
        let failing = Ev("z") > 1.0   // z = 0.5: fails by 50 %
        let evidence: KeyValuePairs<String, Value> = ["x": 1.01, "y": 2.0, "z": 0.5]
        // `all` that holds flips when its closest part flips.
        let both = try Self.evaluate(close && far, evidence)
        #expect(both.holds && abs((both.margin ?? 0) - 0.01 / 1.01) < 1e-12)
        // `all` that fails needs every failing part to flip: the largest of their margins.
        let failed = try Self.evaluate(close && failing, evidence)
        #expect(!failed.holds && failed.margin == 0.5)
        // `any` that holds needs every holding part to flip.
        let either = try Self.evaluate(close || far, evidence)
        #expect(either.holds && either.margin == 0.5)
        #expect(try !Self.evaluate(!far, evidence).holds)
        #expect((close && far && failing).description == "(x > 1) and (y > 1) and (z > 1)")
    }

    @Test func badRulesAreErrorsThatNameTheEvidence() throws {
        #expect(throws: RuleError.missingEvidence(name: "afterr", known: ["after", "before"])) {
            try Self.evaluate(Ev("afterr") > Ev("before"), ["after": 1, "before": 2])
        }
        #expect(throws: RuleError.notANumber(name: "label", value: "big")) {
            try Self.evaluate(Ev("label") > 1, ["label": "big"])
        }
        #expect(throws: RuleError.readsNoEvidence(rule: "2 > 1")) {
            try Self.evaluate(Ev(2) > 1, ["a": 1])
        }
        #expect(throws: RuleError.divisionByZero(expression: "a / b")) {
            try Self.evaluate(Ev("a") / Ev("b") > 1, ["a": 1, "b": 0])
        }
        #expect(throws: RuleError.notABoolean(name: "a", value: "1")) {
            try Self.evaluate(Ev.isTrue("a"), ["a": 1])
        }
        #expect(try Self.evaluate(Ev.isTrue("exists"), ["exists": true]).margin == nil)
    }

    @Test func partsDeriveTheParentVerdictAndPartlyIsNeverDecidedDirectly() throws {
        func part(_ name: String, _ value: Double) -> ClaimPartRecord {
            ClaimPartRecord(name: name, statement: name, rule: Ev("v") > 0, evidence: [Evidence("v", .number(value))])
        }
        let all = try ClaimDecision(ClaimRecord(id: nil, statement: "s", parts: [part("a", 1), part("b", 2)]))
        let none = try ClaimDecision(ClaimRecord(id: nil, statement: "s", parts: [part("a", -1), part("b", -2)]))
        let mixed = try ClaimDecision(ClaimRecord(id: nil, statement: "s", parts: [part("a", 1), part("b", -2)]))
        #expect([all.verdict, none.verdict, mixed.verdict] == [.holds, .refuted, .partly])
        #expect(mixed.parts.map(\.verdict) == [.holds, .refuted])
        let untestable = try ClaimDecision(ClaimRecord(id: nil, statement: "s", parts: [], notTestableReason: "a name"))
        #expect(untestable.verdict == .notTestable)
    }

    @Test func aQuorumCountsSeedsAndItsMarginIsTheSeedsThatWouldHaveToChange() throws {
        func quorum(_ values: [Double], atLeast q: Int) throws -> PartDecision {
            let trials = values.enumerated().map { Trial(seed: UInt64($0.offset + 1), evidence: [Evidence("gain", .number($0.element))]) }
            let record = ClaimPartRecord(name: nil, statement: "s", rule: Ev("gain") > 0, evidence: [], trials: trials, quorum: q)
            return try ClaimDecision(ClaimRecord(id: nil, statement: "s", parts: [record])).parts[0]
        }
        let five = try quorum([1, 1, 1, 1, 1], atLeast: 4)
        #expect(five.verdict == .holds && five.margin == .seeds(2) && five.trials == [true, true, true, true, true])
        let four = try quorum([1, 1, 1, 1, -1], atLeast: 4)
        #expect(four.verdict == .holds && four.margin == .seeds(1))
        #expect(four.margin?.isFragile(below: 0.05) == true)
        let three = try quorum([1, 1, 1, -1, -1], atLeast: 4)
        #expect(three.verdict == .refuted && three.margin == .seeds(1))
        let none = try quorum([-1, -1, -1, -1, -1], atLeast: 4)
        #expect(none.verdict == .refuted && none.margin == .seeds(4))
        #expect(none.explanation == "0 of 5 seeds satisfy the rule (quorum 4) → false")
        #expect(throws: RuleError.badQuorum(quorum: 6, seeds: 5)) { try quorum([1, 1, 1, 1, 1], atLeast: 6) }
    }

    @Test func marginsFormatForReaders() {
        #expect(Margin.relative(0.032).formatted == "3.2 %")
        #expect(Margin.relative(1).formatted == "100 %")
        #expect(Margin.relative(0.0004).formatted == "0.04 %")
        #expect(Margin.seeds(1).formatted == "1 seed")
        #expect(Margin.seeds(3).formatted == "3 seeds")
        #expect(Margin.relative(0.04).isFragile(below: 0.05) && !Margin.relative(0.06).isFragile(below: 0.05))
    }
}
