# Final regret distributions, one panel per problem.
# Written by `parzen plot` from results/gp. Standalone: reads only files beside it and writes
# final.png beside it; run `gnuplot plots/NAME/final.gp` from anywhere or `gnuplot final.gp` in its folder.
script_dir = strlen(ARG0) > strlen('final.gp') ? ARG0[1:strlen(ARG0) - strlen('final.gp')] : ''
if (strlen(script_dir) > 0) { cd script_dir }
set terminal pngcairo size 1260,1560 enhanced font "DejaVu Sans,10"
set output 'final.png'
set encoding utf8

set style fill solid 0.5 border lc rgb '#333333'
set boxwidth 0.6 absolute
set logscale y 10
set format y "10^{%L}"
set xrange [0.4:5.6]
set xtics ('gp' 1, 'tpe' 2, 'tpe-optuna' 3, 'random' 4, 'bayesopt-gp' 5) rotate by 30 right noenhanced nomirror
set ytics nomirror
set grid ytics lc rgb "#dddddd"
unset key
set ylabel "final regret"
boxes = 'final.dat'
dots = 'final-points.dat'
set multiplot layout 4,3 title "Final regret after 100 evaluations (boxes: quartiles and median, whiskers: min to max, dots: replicates)"
set title "branin: gp best (Holm p < 0.05)" noenhanced
plot boxes index 0 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 0 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 0 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "camel6: gp best (Holm p < 0.05)" noenhanced
plot boxes index 1 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 1 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 1 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "hartmann3: gp best (Holm p < 0.05)" noenhanced
plot boxes index 2 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 2 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 2 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "hartmann6: no significant winner" noenhanced
plot boxes index 3 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 3 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 3 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "styblinski-tang-4d: gp best (Holm p < 0.05)" noenhanced
plot boxes index 4 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 4 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 4 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "levy-3d: gp best (Holm p < 0.05)" noenhanced
plot boxes index 5 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 5 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 5 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "rosenbrock-2d: gp best (Holm p < 0.05)" noenhanced
plot boxes index 6 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 6 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 6 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "logscale: no significant winner" noenhanced
plot boxes index 7 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 7 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 7 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "quantized: no significant winner\nregret <= 0 drawn at 0.00289" noenhanced
plot boxes index 8 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 8 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 8 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
set title "mixed: gp best (Holm p < 0.05)" noenhanced
plot boxes index 9 using 1:3:2:6:5:7 with candlesticks lc rgb variable whiskerbars 0.5, \
     boxes index 9 using 1:4:4:4:4 with candlesticks lc rgb '#000000' lw 2, \
     dots index 9 using 1:2 with points pt 7 ps 0.6 lc rgb '#222222'
unset multiplot
