/*
 * trivial_suggester.c: random search in C over Parzen's external-suggester protocol v1
 * (docs/external-suggesters.md), as cheap as a suggester can be, so that racing it against the
 * built-in `random` measures the protocol's own cost per trial (benchmarks/protocol_overhead.sh).
 *
 * One JSON object per line on stdin, exactly one reply line per message on stdout, flushed.
 *   hello -> {"type":"hello",...}; reads space_json: unconditional `uniform` parameters only,
 *            anything else is refused with {"type":"error","message":...} naming the kind
 *   ask   -> {"type":"suggest","assignment":{"x":<uniform draw in [low, high]>,...}}
 *   tell, bye -> {"type":"ok"}   (exits after bye, or at end of input)
 * The JSON reader is minimal: it walks objects key by key and skips values it does not need.
 * C99, standard library only:  cc -std=c99 -O2 -o trivial_suggester trivial_suggester.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *label; double low, high; } Param;  /* label: the JSON string token, quotes included */

static Param *params;
static size_t nparams;
static char refusal[200];  /* set when the space cannot be searched: every later ask gets this error */
static uint64_t state;     /* splitmix64 */

static uint64_t next_u64(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static double next_unit(void) { return (double)(next_u64() >> 11) * 0x1.0p-53; } /* [0, 1) */

/* --- a minimal JSON walker: every function takes a pointer and returns the one past what it read (NULL on bad input) */

static const char *ws(const char *p) { while (p && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')) p++; return p; }

static const char *skip_string(const char *p) {  /* p at the opening quote */
    for (p++; *p && *p != '"'; p++)
        if (*p == '\\' && !*++p) return NULL;
    return *p ? p + 1 : NULL;
}

static const char *skip_value(const char *p) {
    p = ws(p);
    if (!p || !*p) return NULL;
    if (*p == '"') return skip_string(p);
    if (*p == '{' || *p == '[') {  /* count nesting, stepping over strings */
        int depth = 0;
        for (; *p; p++) {
            if (*p == '"') { if (!(p = skip_string(p))) return NULL; p--; }
            else if (*p == '{' || *p == '[') depth++;
            else if ((*p == '}' || *p == ']') && --depth == 0) return p + 1;
        }
        return NULL;
    }
    while (*p && !strchr(",}] \t\r\n", *p)) p++;  /* number, true, false, null */
    return p;
}

/* The value of `key` in the object starting at p (at its '{'), or NULL. */
static const char *find_key(const char *p, const char *key) {
    size_t n = strlen(key);
    p = ws(p);
    if (!p || *p != '{') return NULL;
    for (p = ws(p + 1); p && *p == '"'; p = ws(p + 1)) {
        const char *end = skip_string(p);
        if (!end) return NULL;
        int match = (size_t)(end - p - 2) == n && memcmp(p + 1, key, n) == 0;
        p = ws(end);
        if (!p || *p != ':') return NULL;
        if (match) return ws(p + 1);
        p = ws(skip_value(p + 1));
        if (!p || *p != ',') return NULL;
    }
    return NULL;
}

/* Whether the string token at p is exactly "word". */
static int is_string(const char *p, const char *word) {
    size_t n = strlen(word);
    return p && *p == '"' && strncmp(p + 1, word, n) == 0 && p[n + 1] == '"';
}

/* Reads the parameters of space_json; on failure fills `refusal` and returns 0. */
static int read_space(const char *hello) {
    const char *p = find_key(find_key(hello, "space_json"), "parameters");
    if (!p || *p != '[') { snprintf(refusal, sizeof refusal, "hello without space_json.parameters"); return 0; }
    for (p = ws(p + 1); p && *p == '{'; ) {
        const char *label = find_key(p, "label"), *kind = find_key(p, "kind");
        const char *conditions = find_key(p, "conditions"), *low = find_key(p, "low"), *high = find_key(p, "high");
        if (!label || *label != '"' || !kind || *kind != '"') { snprintf(refusal, sizeof refusal, "a parameter without label or kind"); return 0; }
        if (!is_string(kind, "uniform")) {
            int len = 0;
            while (len < 40 && kind[len + 1] >= 'a' && kind[len + 1] <= 'z') len++;
            snprintf(refusal, sizeof refusal, "trivial_suggester searches only uniform parameters, not %.*s", len, kind + 1);
            return 0;
        }
        if (conditions && *ws(conditions + 1) != ']') {
            snprintf(refusal, sizeof refusal, "trivial_suggester searches only unconditional spaces (a uniform parameter has conditions)");
            return 0;
        }
        if (!low || !high) { snprintf(refusal, sizeof refusal, "a uniform parameter without low or high"); return 0; }
        size_t n = (size_t)(skip_string(label) - label);
        params = realloc(params, (nparams + 1) * sizeof *params);
        params[nparams].label = malloc(n + 1);
        memcpy(params[nparams].label, label, n);
        params[nparams].label[n] = '\0';
        params[nparams].low = strtod(low, NULL);
        params[nparams].high = strtod(high, NULL);
        nparams++;
        p = ws(skip_value(p));
        if (p && *p == ',') p = ws(p + 1);
    }
    return 1;
}

/* One line of any length from stdin, without the newline; NULL at end of input. */
static char *read_line(void) {
    static char *buf;
    static size_t cap;
    size_t len = 0;
    if (!buf) buf = malloc(cap = 1 << 16);
    while (fgets(buf + len, (int)(cap - len), stdin)) {
        len += strlen(buf + len);
        if (len > 0 && buf[len - 1] == '\n') { buf[len - 1] = '\0'; return buf; }
        if (len + 1 == cap) buf = realloc(buf, cap *= 2);
    }
    return len > 0 ? buf : NULL;  /* a last line without newline */
}

int main(void) {
    char *line;
    while ((line = read_line()) != NULL) {
        const char *type = find_key(line, "type");
        int bye = 0;
        if (is_string(type, "hello")) {
            const char *protocol = find_key(line, "protocol"), *seed = find_key(line, "seed");
            state = seed ? strtoull(seed, NULL, 10) : 0;
            if (!protocol || strtol(protocol, NULL, 10) != 1)
                snprintf(refusal, sizeof refusal, "trivial_suggester speaks protocol 1 only");
            if (refusal[0] || !read_space(line)) printf("{\"type\":\"error\",\"message\":\"%s\"}\n", refusal);
            else printf("{\"type\":\"hello\",\"name\":\"trivial-c\",\"capabilities\":[]}\n");
        } else if (is_string(type, "ask")) {
            if (refusal[0]) printf("{\"type\":\"error\",\"message\":\"%s\"}\n", refusal);
            else {
                fputs("{\"type\":\"suggest\",\"assignment\":{", stdout);
                for (size_t i = 0; i < nparams; i++) {
                    double x = params[i].low + (params[i].high - params[i].low) * next_unit();
                    printf("%s%s:%.17g", i ? "," : "", params[i].label, x);
                }
                fputs("}}\n", stdout);
            }
        } else if (is_string(type, "tell") || (bye = is_string(type, "bye"))) {
            fputs("{\"type\":\"ok\"}\n", stdout);
        } else {
            fputs("{\"type\":\"error\",\"message\":\"unknown message type\"}\n", stdout);
        }
        fflush(stdout);
        if (bye) break;
    }
    return 0;
}
