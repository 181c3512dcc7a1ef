  ;; col2im: adds cols [N*Ho*Wo, fh*fw*Cin] (a product dy . W^T) back onto the NHWC
  ;; input grid `dx`, the adjoint of the im2col gather; `dx` must arrive zeroed.
  ;; Each tap is one contiguous run of Cin channels, added four at a time. Rows go
  ;; in (batch, row, column) order and taps in (tap row, tap column) order, as in the
  ;; JS version, so every element receives its terms in the same order.
  (func (export "col2im")
    (param $cols i32) (param $dx i32)
    (param $n i32) (param $h i32) (param $w i32) (param $cin i32)
    (param $ho i32) (param $wo i32)
    (param $fh i32) (param $fw i32) (param $sh i32) (param $sw i32)
    (param $top i32) (param $left i32)
    (local $b i32) (local $p i32) (local $q i32) (local $i i32) (local $j i32)
    (local $r i32) (local $c0 i32) (local $c i32) (local $c4 i32)
    (local $src i32) (local $dst i32) (local $a i32)
    (local.set $c4 (i32.and (local.get $cin) (i32.const -4)))
    ;; `src` walks cols row by row, tap by tap: every tap's run, in range or not
    (local.set $src (local.get $cols))
    (local.set $b (i32.const 0))
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_s (local.get $b) (local.get $n)))
      (local.set $p (i32.const 0))
      (block $pDone (loop $pLoop
        (br_if $pDone (i32.ge_s (local.get $p) (local.get $ho)))
        (local.set $q (i32.const 0))
        (block $qDone (loop $qLoop
          (br_if $qDone (i32.ge_s (local.get $q) (local.get $wo)))
          (local.set $i (i32.const 0))
          (block $iDone (loop $iLoop
            (br_if $iDone (i32.ge_s (local.get $i) (local.get $fh)))
            (local.set $r (i32.sub (i32.add (i32.mul (local.get $p) (local.get $sh)) (local.get $i))
              (local.get $top)))
            (local.set $j (i32.const 0))
            (block $jDone (loop $jLoop
              (br_if $jDone (i32.ge_s (local.get $j) (local.get $fw)))
              (local.set $c0 (i32.sub (i32.add (i32.mul (local.get $q) (local.get $sw)) (local.get $j))
                (local.get $left)))
              (if (i32.and
                    (i32.and (i32.ge_s (local.get $r) (i32.const 0)) (i32.lt_s (local.get $r) (local.get $h)))
                    (i32.and (i32.ge_s (local.get $c0) (i32.const 0)) (i32.lt_s (local.get $c0) (local.get $w))))
                (then
                  (local.set $dst (i32.add (local.get $dx) (i32.shl
                    (i32.mul
                      (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r))
                        (local.get $w)) (local.get $c0))
                      (local.get $cin))
                    (i32.const 2))))
                  (local.set $c (i32.const 0))
                  (block $cDone (loop $cLoop
                    (br_if $cDone (i32.ge_s (local.get $c) (local.get $c4)))
                    (local.set $a (i32.add (local.get $dst) (i32.shl (local.get $c) (i32.const 2))))
                    (v128.store (local.get $a) (f32x4.add (v128.load (local.get $a))
                      (v128.load (i32.add (local.get $src) (i32.shl (local.get $c) (i32.const 2))))))
                    (local.set $c (i32.add (local.get $c) (i32.const 4)))
                    (br $cLoop)))
                  (block $tDone (loop $tLoop
                    (br_if $tDone (i32.ge_s (local.get $c) (local.get $cin)))
                    (local.set $a (i32.add (local.get $dst) (i32.shl (local.get $c) (i32.const 2))))
                    (f32.store (local.get $a) (f32.add (f32.load (local.get $a))
                      (f32.load (i32.add (local.get $src) (i32.shl (local.get $c) (i32.const 2))))))
                    (local.set $c (i32.add (local.get $c) (i32.const 1)))
                    (br $tLoop)))))
              (local.set $src (i32.add (local.get $src) (i32.shl (local.get $cin) (i32.const 2))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br $jLoop)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $iLoop)))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $qLoop)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))
  )
