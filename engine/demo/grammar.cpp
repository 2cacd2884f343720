// SPDX-License-Identifier: MIT
#include "demo/grammar.h"

#include "data/shuffle.h"

#include <array>
#include <set>
#include <string_view>

namespace peft::demo {
namespace {

/// SplitMix64 with the picks the templates need. Only below() draws numbers, so sequences are the
/// same on every standard library.
class Rng {
public:
    explicit Rng(uint64_t seed) : gen_(seed) {}
    template <std::size_t N> std::string_view pick(const std::array<std::string_view, N>& items) {
        return items[gen_.below(N)];
    }
    bool chance(int percent) { return gen_.below(100) < static_cast<uint64_t>(percent); }
    uint64_t below(uint64_t n) { return gen_.below(n); }

private:
    data::SplitMix64 gen_;
};

struct Character {
    std::string name, kind, he, his, him; // he/she, his/her, him/her
};

constexpr std::array<std::string_view, 12> kGirls = {"Lily", "Mia", "Anna", "Lucy", "Emma", "Zoe",
                                                     "Sara", "Ella", "Rosa", "Nina", "Amy", "Kate"};
constexpr std::array<std::string_view, 12> kBoys = {"Tom", "Ben", "Sam", "Max", "Leo", "Jack",
                                                    "Tim", "Finn", "Noah", "Dan", "Ken", "Joe"};
constexpr std::array<std::string_view, 8> kAnimals = {"cat", "dog", "bunny", "bear", "bird", "fox", "frog", "duck"};
constexpr std::array<std::string_view, 8> kSizes = {"little", "small", "big", "kind", "happy", "brave", "shy", "funny"};
constexpr std::array<std::string_view, 12> kPlaces = {"park", "forest", "garden", "beach", "river", "farm",
                                                      "lake", "hill", "town", "school", "zoo", "field"};
constexpr std::array<std::string_view, 12> kThings = {"ball", "kite", "box", "book", "hat", "cake",
                                                      "flower", "shell", "apple", "boat", "drum", "cup"};
constexpr std::array<std::string_view, 8> kColors = {"red", "blue", "green", "yellow", "pink", "shiny", "tiny", "soft"};
constexpr std::array<std::string_view, 6> kHidingSpots = {"under the bed", "behind the door", "near the tree",
                                                          "in the grass", "under a rock", "by the window"};
constexpr std::array<std::string_view, 6> kGames = {"play tag", "build a sand castle", "fly a kite",
                                                    "ride a bike", "jump in the puddles", "sing a song"};
constexpr std::array<std::string_view, 5> kWeather = {"sunny", "rainy", "windy", "cold", "warm"};
constexpr std::array<std::string_view, 6> kGlad = {"happy", "glad", "proud", "excited", "calm", "cheerful"};
constexpr std::array<std::string_view, 6> kSad = {"sad", "upset", "scared", "angry", "lonely", "grumpy"};
constexpr std::array<std::string_view, 6> kAnimalActs = {"eating a leaf", "sleeping in the sun", "singing a song",
                                                         "running in circles", "hiding in a hole", "looking at the sky"};

Character make_character(Rng& rng) {
    Character c;
    const bool girl = rng.chance(50);
    c.name = std::string(girl ? rng.pick(kGirls) : rng.pick(kBoys));
    c.kind = rng.chance(50) ? (girl ? "girl" : "boy") : std::string(rng.pick(kAnimals));
    c.he = girl ? "she" : "he";
    c.his = girl ? "her" : "his";
    c.him = girl ? "her" : "him";
    return c;
}

/// Someone other than `a` (by name), so that the two never share a name.
Character other_character(Rng& rng, const Character& a) {
    for (;;) {
        Character b = make_character(rng);
        if (b.name != a.name) return b;
    }
}

std::string cap(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string a_or_an(std::string_view word) {
    const char c = word.empty() ? 'x' : word[0];
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    return std::string(vowel ? "an " : "a ") + std::string(word);
}

std::string opening(Rng& rng, const Character& a) {
    const std::string size(rng.pick(kSizes));
    switch (rng.below(3)) {
    case 0: return "Once upon a time, there was " + a_or_an(size) + " " + a.kind + " named " + a.name + ". ";
    case 1: return "There once was " + a_or_an(size) + " " + a.kind + " called " + a.name + ". ";
    default: return a.name + " was " + a_or_an(size) + " " + a.kind + ". ";
    }
}

/// A lost thing is found with a friend's help.
std::string lost_story(Rng& rng) {
    const Character a = make_character(rng), b = other_character(rng, a);
    const std::string thing(rng.pick(kThings)), color(rng.pick(kColors)), place(rng.pick(kPlaces));
    const std::string spot(rng.pick(kHidingSpots));
    std::string s = opening(rng, a);
    s += cap(a.he) + " lived near the " + place + " and had " + a_or_an(color) + " " + thing + ". ";
    s += "One day, " + a.name + " could not find " + a.his + " " + thing + ". ";
    s += a.name + " felt " + std::string(rng.pick(kSad)) + ". ";
    s += a.name + " asked " + b.name + " for help. " + b.name + " said, \"Let's look " + spot + "!\" ";
    s += "They looked " + spot + " and found the " + color + " " + thing + ". ";
    s += a.name + " was very " + std::string(rng.pick(kGlad)) + ". " + cap(a.he) + " said, \"Thank you, " + b.name + "!\"";
    if (rng.chance(40)) s += " " + a.name + " learned that friends help each other.";
    return s;
}

/// A day out: something seen, something done, home tired.
std::string trip_story(Rng& rng) {
    const Character a = make_character(rng), b = other_character(rng, a);
    const std::string place(rng.pick(kPlaces)), animal(rng.pick(kAnimals)), weather(rng.pick(kWeather));
    std::string s = opening(rng, a);
    s += "One " + weather + " day, " + a.name + " went to the " + place + " with " + b.name + ". ";
    s += "At the " + place + ", they saw " + a_or_an(rng.pick(kSizes)) + " " + animal + ". ";
    s += "The " + animal + " was " + std::string(rng.pick(kAnimalActs)) + ". ";
    s += a.name + " wanted to " + std::string(rng.pick(kGames)) + ". " + b.name + " wanted to " +
         std::string(rng.pick(kGames)) + ". ";
    if (rng.chance(50)) {
        s += "They did both, one after the other. ";
    } else {
        s += "They could not agree and felt " + std::string(rng.pick(kSad)) + ". Then " + a.name +
             " said sorry, and they played together. ";
    }
    s += "When the sun went down, they went home. " + a.name + " was tired but " + std::string(rng.pick(kGlad)) + ".";
    return s;
}

/// One thing, two who want it; they share.
std::string share_story(Rng& rng) {
    const Character a = make_character(rng), b = other_character(rng, a);
    const std::string thing(rng.pick(kThings)), color(rng.pick(kColors)), place(rng.pick(kPlaces));
    std::string s = opening(rng, a);
    s += a.name + " and " + b.name + " were friends. ";
    s += "One day, they found " + a_or_an(color) + " " + thing + " in the " + place + ". ";
    s += "Both of them wanted the " + thing + ". " + b.name + " felt " + std::string(rng.pick(kSad)) + ". ";
    s += a.name + " said, \"We can share the " + thing + ".\" ";
    s += "So they took turns with the " + color + " " + thing + " all day. ";
    s += "They were both " + std::string(rng.pick(kGlad)) + ". ";
    s += a.name + " learned that it is good to share.";
    return s;
}

/// Bad weather spoils a plan; a parent helps.
std::string weather_story(Rng& rng) {
    const Character a = make_character(rng);
    const std::string game(rng.pick(kGames)), thing(rng.pick(kThings));
    const std::string parent = rng.chance(50) ? "mom" : "dad";
    std::string s = opening(rng, a);
    s += a.name + " wanted to " + game + ", but it was " + (rng.chance(50) ? "rainy" : "cold") + " outside. ";
    s += cap(a.he) + " felt " + std::string(rng.pick(kSad)) + ". ";
    s += cap(a.his) + " " + parent + " said, \"We can make " + a_or_an(thing) + " together inside.\" ";
    s += "They worked all afternoon, and the " + thing + " looked " + std::string(rng.pick(kColors)) + " and nice. ";
    s += "The next day the sun came out, and " + a.name + " went out to " + game + ". ";
    s += cap(a.he) + " felt " + std::string(rng.pick(kGlad)) + ".";
    return s;
}

/// Two friends feel differently about one thing, then agree. Brings the words of likes and
/// dislikes that the sentiment dataset uses into the pretraining corpus.
std::string feelings_story(Rng& rng) {
    const Character a = make_character(rng), b = other_character(rng, a);
    const std::string thing(rng.pick(kThings)), color(rng.pick(kColors)), place(rng.pick(kPlaces));
    std::string s = opening(rng, a);
    s += "At the " + place + ", " + a.name + " found " + a_or_an(color) + " " + thing + ". ";
    s += a.name + " loved the " + thing + " and laughed. But " + b.name + " did not like it. ";
    s += b.name + " said the " + thing + " was broken, and " + b.he + " frowned and kicked a rock. ";
    s += a.name + " showed " + b.name + " how to play with it. ";
    s += "Soon " + b.name + " smiled and danced too. It was a wonderful day, not a terrible one.";
    return s;
}

std::string one_story(Rng& rng) {
    switch (rng.below(5)) {
    case 0: return lost_story(rng);
    case 1: return trip_story(rng);
    case 2: return share_story(rng);
    case 3: return weather_story(rng);
    default: return feelings_story(rng);
    }
}

/// A fable in the pretraining corpus's own words, with a title and a lesson that follows from the
/// story (sharing, helping or saying sorry), so a LoRA can learn the format and the link quickly.
std::string fable(Rng& rng) {
    const Character a = make_character(rng), b = other_character(rng, a);
    const std::string size(rng.pick(kSizes)), thing(rng.pick(kThings)), color(rng.pick(kColors));
    const std::string place(rng.pick(kPlaces));
    std::string s = "Title: The " + size + " " + a.kind + " and the " + color + " " + thing + ". ";
    s += "There once was " + a_or_an(size) + " " + a.kind + " called " + a.name + ". ";
    s += a.name + " lived near the " + place + " and had " + a_or_an(color) + " " + thing + ". ";
    switch (rng.below(3)) {
    case 0:
        s += "One day, " + b.name + " wanted the " + thing + " too. " + b.name + " felt " + std::string(rng.pick(kSad)) + ". ";
        s += a.name + " said, \"We can share the " + thing + ".\" They took turns all day. ";
        s += "The lesson: it is good to share.";
        break;
    case 1:
        s += "One day, " + b.name + " could not find " + b.his + " " + std::string(rng.pick(kThings)) + ". ";
        s += a.name + " looked " + std::string(rng.pick(kHidingSpots)) + " and found it. " + b.name + " was very " +
             std::string(rng.pick(kGlad)) + ". ";
        s += "The lesson: friends help each other.";
        break;
    default:
        s += "One day, " + a.name + " and " + b.name + " could not agree and felt " + std::string(rng.pick(kSad)) + ". ";
        s += "Then " + a.name + " said sorry, and they played together. ";
        s += "The lesson: it is good to say sorry.";
        break;
    }
    return s;
}

/// Both kinds of feeling in one sentence; the label is the one that comes last. 4 of 10 rows, so
/// that a classifier has to read the order, not just spot a word.
std::string turn_sentence(Rng& rng, const Character& a, const std::string& thing, bool positive) {
    const std::string first(positive ? rng.pick(kSad) : rng.pick(kGlad)), last(positive ? rng.pick(kGlad) : rng.pick(kSad));
    if (rng.chance(50)) return a.name + " was " + first + " at first, but then " + a.he + " felt " + last + ".";
    return "At first " + a.name + (positive ? " did not like" : " liked") + " the " + thing + ", but later " + a.he +
           (positive ? " loved it." : " hated it.");
}

std::string positive_sentence(Rng& rng, const Character& a, const std::string& thing) {
    switch (rng.below(5)) {
    case 0: return a.name + " loved the " + thing + " and felt " + std::string(rng.pick(kGlad)) + ".";
    case 1: return a.name + " played with the " + thing + " all day. It was a wonderful day.";
    case 2: return "The " + thing + " made " + a.name + " smile. " + cap(a.he) + " was very " + std::string(rng.pick(kGlad)) + ".";
    case 3: return a.name + " was not " + std::string(rng.pick(kSad)) + " anymore. The " + thing + " was great.";
    default: return a.name + " liked the " + thing + " a lot. " + cap(a.he) + " laughed and danced.";
    }
}

std::string negative_sentence(Rng& rng, const Character& a, const std::string& thing) {
    switch (rng.below(5)) {
    case 0: return a.name + " hated the " + thing + " and felt " + std::string(rng.pick(kSad)) + ".";
    case 1: return a.name + " lost the " + thing + " and cried all day. It was a terrible day.";
    case 2: return "The " + thing + " made " + a.name + " frown. " + cap(a.he) + " was very " + std::string(rng.pick(kSad)) + ".";
    case 3: return a.name + " was not " + std::string(rng.pick(kGlad)) + " at all. The " + thing + " was broken.";
    default: return a.name + " did not like the " + thing + ". " + cap(a.he) + " kicked it and walked away.";
    }
}

} // namespace

std::vector<std::string> make_stories(int64_t count, uint64_t seed) {
    Rng rng(seed);
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(count));
    for (int64_t i = 0; i < count; ++i) out.push_back(one_story(rng));
    return out;
}

std::vector<std::string> make_fables(int64_t count, uint64_t seed) {
    Rng rng(seed);
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(count));
    for (int64_t i = 0; i < count; ++i) out.push_back(fable(rng));
    return out;
}

std::vector<LabeledText> make_sentiment(int64_t count, uint64_t seed) {
    Rng rng(seed);
    std::vector<LabeledText> out;
    out.reserve(static_cast<std::size_t>(count));
    std::set<std::string> seen; // no duplicate rows, so train and dev can be told apart by text
    int64_t attempts = 0;
    while (static_cast<int64_t>(out.size()) < count && attempts++ < count * 50) {
        const Character a = make_character(rng);
        const std::string thing = std::string(rng.pick(kColors)) + " " + std::string(rng.pick(kThings));
        const std::string where = "At the " + std::string(rng.pick(kPlaces)) + ", ";
        const bool positive = rng.chance(50);
        std::string text = where + (rng.chance(40)   ? turn_sentence(rng, a, thing, positive)
                                    : positive ? positive_sentence(rng, a, thing)
                                               : negative_sentence(rng, a, thing));
        if (!seen.insert(text).second) continue;
        out.push_back({std::move(text), positive ? "positive" : "negative"});
    }
    return out;
}

} // namespace peft::demo
