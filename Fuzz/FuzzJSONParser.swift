/// The strict JSON parser: accepted documents survive a serialize/parse round trip.
func fuzzJSONParser(_ bytes: [UInt8]) {
    if let value = try? JSONParser.parse(bytes) {
        precondition((try? JSONParser.parse(value.serialized())) == value, "round trip changed the document")
    }
}
