package rt

// exactInt is the value of a JSON number written with a fraction or an
// exponent (1.0, 1e2, 12.50e1) when that value is an integer in the int64
// range. It reads the digits exactly: going through float64 would round
// 9007199254740993.0 to 9007199254740992, take 9007199254740993.5 for an
// integer, and refuse 9223372036854775807.0. integer is false when the
// value has a fraction; inRange is false when it is an integer beyond
// int64. text is a number the decoder has already read, so it is well
// formed; reading it allocates nothing, however long it is.
func exactInt(text []byte) (v int64, integer, inRange bool) {
	neg := text[0] == '-'
	if neg {
		text = text[1:]
	}
	mant, exp := text, 0
	for i, c := range text {
		if c == 'e' || c == 'E' {
			mant, exp = text[:i], exponent(text[i+1:])
			break
		}
	}
	whole, frac := mant, mant[:0]
	for i, c := range mant {
		if c == '.' {
			whole, frac = mant[:i], mant[i+1:]
			break
		}
	}
	// The value is the digits of whole and frac, read as one number d
	// with the point after len(whole) of them, times 10^exp. digit(k) is
	// the k-th of d's digits once its leading zeros are dropped.
	lead := 0
	for lead < len(whole)+len(frac) && digitOf(whole, frac, lead) == '0' {
		lead++
	}
	n := len(whole) + len(frac) - lead // significant digits
	for n > 0 && digitOf(whole, frac, lead+n-1) == '0' {
		n--
	}
	if n == 0 {
		return 0, true, true
	}
	end := len(whole) - lead + exp // digits before the point
	if end < n {
		return 0, false, true
	}
	if end > 19 { // at least 10^19, beyond int64
		return 0, true, false
	}
	var u uint64
	for k := 0; k < end; k++ {
		u *= 10 // 19 digits at most: no overflow of uint64
		if k < n {
			u += uint64(digitOf(whole, frac, lead+k) - '0')
		}
	}
	if neg && u > 1<<63 || !neg && u > 1<<63-1 {
		return 0, true, false
	}
	if neg {
		return int64(-u), true, true
	}
	return int64(u), true, true
}

// digitOf is digit k of whole's digits followed by frac's.
func digitOf(whole, frac []byte, k int) byte {
	if k < len(whole) {
		return whole[k]
	}
	return frac[k-len(whole)]
}

// exponent reads an exponent's optional sign and digits, its size
// saturated at a billion, far beyond any digit count that matters.
func exponent(b []byte) int {
	neg := len(b) > 0 && b[0] == '-'
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		b = b[1:]
	}
	e := 0
	for _, c := range b {
		if e < 1e9 {
			e = e*10 + int(c-'0')
		}
	}
	if neg {
		return -e
	}
	return e
}
